namespace Humas.Workflow.Reach;

/// <summary>
/// Where a reach target should be by a date: its start (the year's first measurement) plus the share of the year gone of
/// the way to the target. The status codes are the content targets' (met, on-pace, behind), which the vocabulary says.
/// </summary>
public static class ReachPace
{
    public const string Met = "met";
    public const string OnPace = "on-pace";
    public const string Behind = "behind";

    public static ReachTargetProgress Of(string channel, string figure, long target, long start, long actual, int year, DateTimeOffset asOf)
    {
        var yearStart = ReachDay.Bounds(new DateOnly(year, 1, 1)).From;
        var yearEnd = ReachDay.Bounds(new DateOnly(year + 1, 1, 1)).From;
        var elapsed = Math.Clamp((asOf - yearStart) / (yearEnd - yearStart), 0, 1);
        var expected = start >= target ? target : start + (long)Math.Floor((target - start) * elapsed + 1e-9);
        var percent = target == 0 ? 0 : Math.Round(100.0 * actual / target, 1);
        if (actual >= target) return new(channel, figure, target, actual, expected, Met, 0, percent);
        return actual >= expected
            ? new(channel, figure, target, actual, expected, OnPace, 0, percent)
            : new(channel, figure, target, actual, expected, Behind, expected - actual, percent);
    }
}
