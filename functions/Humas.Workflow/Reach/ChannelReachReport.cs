namespace Humas.Workflow.Reach;

/// <summary>
/// One channel's reach in a year: its latest figures, how much each changed over the last 7 days and since the year's
/// first measurement, and one point per week.
/// </summary>
public sealed record ChannelReachReport(
    string Channel, string LatestDay, IReadOnlyDictionary<string, long> Latest, IReadOnlyDictionary<string, long> ChangeLast7Days,
    IReadOnlyDictionary<string, long> ChangeSinceJanuary, IReadOnlyList<ReachPoint> Weekly);
