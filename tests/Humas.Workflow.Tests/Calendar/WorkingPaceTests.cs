using Humas.Workflow.Calendar;
using Humas.Workflow.Profiles;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>The pace towards a yearly target in working days, where the profile asks for it.</summary>
public sealed class WorkingPaceTests
{
    private static readonly WorkingCalendar Jateng = UnitProfileLoader.Load("bbpmp-jateng").WorkingCalendar();

    private static DateTimeOffset Wib(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_long_closure_of_Idul_Fitri_moves_the_working_pace_not_at_all()
    {
        // 17 March 2026, after closing, to 25 March before opening: five closed weekdays and a weekend between.
        var before = Pace.WorkingYearElapsed(2026, Wib(2026, 3, 17, 17), Jateng);
        var after = Pace.WorkingYearElapsed(2026, Wib(2026, 3, 25, 7), Jateng);
        Assert.Equal(before, after);
        Assert.True(Pace.YearElapsed(2026, Wib(2026, 3, 25, 7)) > Pace.YearElapsed(2026, Wib(2026, 3, 17, 17)));
    }

    [Fact]
    public void A_working_day_counts_once_it_has_closed_and_the_year_ends_whole()
    {
        var all = Jateng.WorkingDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        Assert.Equal(0, Pace.WorkingYearElapsed(2026, Wib(2026, 1, 2, 10), Jateng)); // 1 January closed, 2 January not yet over
        Assert.Equal(1.0 / all, Pace.WorkingYearElapsed(2026, Wib(2026, 1, 2, 17), Jateng), 9);
        Assert.Equal(1, Pace.WorkingYearElapsed(2026, Wib(2027, 1, 1, 0), Jateng));
    }

    [Fact]
    public void Expected_by_now_follows_the_working_days_when_asked_and_the_calendar_days_otherwise()
    {
        // Early April 2026: the days of Idul Fitri have passed; fewer working days than calendar days are gone, in share.
        var at = Wib(2026, 4, 1);
        var plain = Pace.Of(240, 0, 2026, at);
        var working = Pace.Of(240, 0, 2026, at, Jateng);
        Assert.Equal((int)Math.Floor(240 * Pace.YearElapsed(2026, at) + 1e-9), plain.ExpectedByNow);
        Assert.Equal((int)Math.Floor(240 * Pace.WorkingYearElapsed(2026, at, Jateng) + 1e-9), working.ExpectedByNow);
        Assert.NotEqual(plain.ExpectedByNow, working.ExpectedByNow);
    }
}
