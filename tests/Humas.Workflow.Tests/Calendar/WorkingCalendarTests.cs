using Humas.Workflow.Calendar;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>
/// The arithmetic on BBPMP Jawa Tengah's own calendar: Monday to Thursday 07:30-16:00 WIB, Friday 07:30-16:30, the
/// national holidays and cuti bersama of 2026 and 2027 as the profile has them.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Jateng = UnitProfileLoader.Load("bbpmp-jateng").WorkingCalendar();

    /// <summary>A moment in WIB.</summary>
    private static DateTimeOffset Wib(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(7));

    [Fact]
    public void One_working_day_from_a_Friday_ends_at_Mondays_close()
    {
        Assert.Equal(Wib(2026, 12, 7, 16), Jateng.Add(Wib(2026, 12, 4, 10), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 8, 16), Jateng.Add(Wib(2026, 12, 4, 10), WorkingDuration.Days(2)));
    }

    [Fact]
    public void Working_hours_stop_at_the_weekend_and_go_on_on_Monday_morning()
    {
        // Friday 10:00-16:30 is 6.5 hours; 1.5 more from Monday 07:30.
        Assert.Equal(Wib(2026, 12, 7, 9), Jateng.Add(Wib(2026, 12, 4, 10), WorkingDuration.Hours(8)));
    }

    [Fact]
    public void Friday_closes_later_than_the_other_days()
    {
        Assert.Equal(Wib(2026, 12, 4, 16, 30), Jateng.Add(Wib(2026, 12, 3, 17), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 4, 16, 15), Jateng.NextWorkingMoment(Wib(2026, 12, 4, 16, 15)));
        Assert.Equal(Wib(2026, 12, 4, 7, 30), Jateng.NextWorkingMoment(Wib(2026, 12, 3, 16, 15)));
    }

    [Fact]
    public void Idul_Fitri_2026_with_its_cuti_bersama_and_Nyepi_is_one_long_closure()
    {
        // Wed 18 March cuti Nyepi, Thu 19 Nyepi, Fri 20 cuti, Sat-Sun 21-22 Idul Fitri, Mon-Tue 23-24 cuti.
        Assert.Equal(Wib(2026, 3, 25, 16), Jateng.Add(Wib(2026, 3, 17, 10), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 3, 25, 7, 30), Jateng.NextWorkingMoment(Wib(2026, 3, 17, 16, 1)));
        Assert.Equal(new WorkingTimeLeft(1, TimeSpan.FromHours(6)), Jateng.TimeLeft(Wib(2026, 3, 17, 10), Wib(2026, 3, 25, 16)));
    }

    [Fact]
    public void Three_working_days_given_before_Idul_Fitri_2027_end_a_week_and_a_half_later()
    {
        // Mon 8 March Nyepi, Tue 9 cuti, Wed-Thu 10-11 Idul Fitri, Fri 12 and Mon 15 cuti.
        Assert.Equal(Wib(2027, 3, 16, 16), Jateng.Add(Wib(2027, 3, 5, 12), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2027, 3, 18, 16), Jateng.Add(Wib(2027, 3, 5, 12), WorkingDuration.Days(3)));
    }

    [Fact]
    public void Natal_and_its_cuti_bersama_are_skipped()
    {
        // 2026: Thu 24 December cuti bersama, Fri 25 Natal.
        Assert.Equal(Wib(2026, 12, 28, 16), Jateng.Add(Wib(2026, 12, 23, 14), WorkingDuration.Days(1)));
        // 2027: Fri 24 December cuti bersama, Sat 25 Natal.
        Assert.Equal(Wib(2027, 12, 27, 16), Jateng.Add(Wib(2027, 12, 23, 10), WorkingDuration.Days(1)));
        Assert.Equal("Kelahiran Yesus Kristus (Hari Raya Natal)", Jateng.HolidayName(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void A_holiday_added_moves_the_deadline_a_day_on()
    {
        var added = Jateng.WithHolidays([.. Jateng.Settings.Holidays, new Holiday(new DateOnly(2026, 12, 28), "Libur tambahan")]);
        Assert.Equal(Wib(2026, 12, 29, 16), added.Add(Wib(2026, 12, 23, 14), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 28, 16), Jateng.Add(Wib(2026, 12, 23, 14), WorkingDuration.Days(1)));
    }

    [Fact]
    public void A_start_before_opening_counts_that_day_and_one_after_closing_does_not()
    {
        Assert.Equal(Wib(2026, 12, 7, 16), Jateng.Add(Wib(2026, 12, 7, 6), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 7, 16), Jateng.Add(Wib(2026, 12, 7, 7, 30), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 8, 16), Jateng.Add(Wib(2026, 12, 7, 7, 31), WorkingDuration.Days(1)));
        Assert.Equal(Wib(2026, 12, 8, 16), Jateng.Add(Wib(2026, 12, 7, 17), WorkingDuration.Days(1)));
    }

    [Fact]
    public void Working_hours_started_outside_office_hours_begin_at_the_next_opening()
    {
        Assert.Equal(Wib(2026, 12, 8, 9, 30), Jateng.Add(Wib(2026, 12, 7, 17), WorkingDuration.Hours(2)));
        Assert.Equal(Wib(2026, 12, 7, 8, 30), Jateng.Add(Wib(2026, 12, 6, 20), WorkingDuration.Hours(1))); // a Sunday night
        Assert.Equal(Wib(2026, 12, 7, 8, 30), Jateng.Add(Wib(2026, 12, 5, 11), WorkingDuration.Hours(1))); // a Saturday
    }

    [Fact]
    public void Working_hours_count_office_time_only()
    {
        Assert.Equal(Wib(2026, 12, 8, 8, 30), Jateng.Add(Wib(2026, 12, 7, 15), WorkingDuration.Hours(2)));
        Assert.Equal(Wib(2026, 12, 7, 16), Jateng.Add(Wib(2026, 12, 7, 14), WorkingDuration.Hours(2))); // ends at the close, not the next morning
        Assert.Equal(Wib(2026, 12, 8, 15), Jateng.Add(Wib(2026, 12, 7, 7, 30), WorkingDuration.Hours(16))); // 8.5 h Monday, 7.5 h Tuesday
        Assert.Equal(Wib(2026, 12, 7, 10, 15), Jateng.Add(Wib(2026, 12, 7, 10), WorkingDuration.Parse("0.25wh")));
    }

    [Fact]
    public void Plain_time_is_added_as_it_is_even_over_a_holiday()
    {
        Assert.Equal(Wib(2026, 12, 26, 14), Jateng.Add(Wib(2026, 12, 23, 14), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void The_next_working_moment_of_a_Sunday_is_Monday_morning()
    {
        Assert.Equal(Wib(2026, 12, 7, 7, 30), Jateng.NextWorkingMoment(Wib(2026, 12, 6, 10)));
        Assert.Equal(Wib(2026, 12, 7, 11), Jateng.NextWorkingMoment(Wib(2026, 12, 7, 11)));
        Assert.Equal(Wib(2026, 12, 8, 7, 30), Jateng.NextWorkingMoment(Wib(2026, 12, 7, 16)));
    }

    [Fact]
    public void Time_left_counts_whole_working_days_and_the_rest()
    {
        Assert.Equal(new WorkingTimeLeft(2, TimeSpan.FromHours(6)), Jateng.TimeLeft(Wib(2026, 12, 7, 10), Wib(2026, 12, 9, 16)));
        Assert.Equal(new WorkingTimeLeft(2, TimeSpan.Zero), Jateng.TimeLeft(Wib(2026, 12, 4, 17), Wib(2026, 12, 8, 16)));
        Assert.Equal(new WorkingTimeLeft(0, TimeSpan.FromHours(1.5)), Jateng.TimeLeft(Wib(2026, 12, 5, 10), Wib(2026, 12, 7, 9)));
        Assert.True(Jateng.TimeLeft(Wib(2026, 12, 7, 10), Wib(2026, 12, 7, 9)).IsOver);
        // Nothing of the long weekend counts.
        Assert.Equal(new WorkingTimeLeft(0, TimeSpan.FromHours(2)), Jateng.TimeLeft(Wib(2026, 12, 23, 14), Wib(2026, 12, 28, 7, 30)));
    }

    [Fact]
    public void Working_days_between_two_dates_leave_out_weekends_and_holidays()
    {
        Assert.Equal(3, Jateng.WorkingDaysBetween(new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 28)));
        Assert.Equal(5, Jateng.WorkingDaysBetween(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 14)));
    }

    [Fact]
    public void A_calendar_without_working_days_is_refused_rather_than_looping()
    {
        Assert.Throws<InvalidOperationException>(() => new WorkingCalendar(new OfficeCalendar { Hours = [] }, Jateng.Zone));
        Assert.Throws<InvalidOperationException>(() =>
            new WorkingCalendar(new OfficeCalendar { Hours = [new([DayOfWeek.Monday], "16:00", "07:30")] }, Jateng.Zone));
    }

    [Theory]
    [InlineData("bbpmp-jateng")]
    [InlineData("bbgp-jatim")]
    public void Both_profiles_name_every_closed_day_of_2026_and_2027_once(string profile)
    {
        var calendar = UnitProfileLoader.Load(profile).Calendar;
        Assert.All(calendar.Holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
        Assert.Equal(calendar.Holidays.Count, calendar.Holidays.Select(h => h.Date).Distinct().Count());
        Assert.Contains(calendar.Holidays, h => h.Date.Year == 2026 && h.Name.StartsWith("Cuti Bersama Idul Fitri", StringComparison.Ordinal));
        Assert.Contains(calendar.Holidays, h => h.Date.Year == 2027 && h.Name.StartsWith("Cuti Bersama Idul Fitri", StringComparison.Ordinal));
        Assert.Contains(calendar.Holidays, h => h.Date == new DateOnly(2027, 8, 17));
    }
}
