using Humas.Workflow.Calendar;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Targets;

/// <summary>Where a yearly target should be by a date, and whether it is there.</summary>
public sealed record Pace(int ExpectedByNow, string Status, int Short)
{
    /// <summary>
    /// Expected by now is the pro-rata share of the yearly target for the part of the year (in WIB) that has
    /// passed, in whole items: 48 a year is 24 by the middle of the year. Met as soon as the target is reached.
    /// </summary>
    /// <param name="workingDays">Where the profile says so: the share of the year's working days gone instead.</param>
    public static Pace Of(int target, int actual, int year, DateTimeOffset asOf, WorkingCalendar? workingDays = null)
    {
        var expected = (int)Math.Floor(target * Elapsed(year, asOf, workingDays) + 1e-9);
        if (actual >= target) return new Pace(expected, PaceStatus.Met, 0);
        return actual >= expected ? new Pace(expected, PaceStatus.OnPace, 0) : new Pace(expected, PaceStatus.Behind, expected - actual);
    }

    /// <summary>The share of the year, 0 to 1, that has passed at a moment, on the office's calendar.</summary>
    public static double YearElapsed(int year, DateTimeOffset asOf)
    {
        var start = StartOfYear(year);
        var end = StartOfYear(year + 1);
        if (asOf <= start) return 0;
        if (asOf >= end) return 1;
        return (asOf - start) / (end - start);
    }

    public static double Elapsed(int year, DateTimeOffset asOf, WorkingCalendar? workingDays) =>
        workingDays is null ? YearElapsed(year, asOf) : WorkingYearElapsed(year, asOf, workingDays);

    /// <summary>
    /// The share of the year's working days that has passed: a day counts once it has closed, so the holidays of
    /// Idul Fitri do not leave a unit behind a pace it could not keep.
    /// </summary>
    public static double WorkingYearElapsed(int year, DateTimeOffset asOf, WorkingCalendar calendar)
    {
        var first = new DateOnly(year, 1, 1);
        var next = new DateOnly(year + 1, 1, 1);
        var all = calendar.WorkingDaysBetween(first, next);
        if (all == 0) return YearElapsed(year, asOf);
        var today = calendar.DateOf(asOf);
        if (today < first) return 0;
        if (today >= next) return 1;
        var gone = calendar.WorkingDaysBetween(first, today);
        if (calendar.IsWorkingDay(today) && asOf >= calendar.Open(today).Closes) gone++;
        return (double)gone / all;
    }

    public static DateTimeOffset StartOfYear(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Wib.Zone.GetUtcOffset(local));
    }
}
