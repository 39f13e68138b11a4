namespace Humas.Workflow.Reach;

/// <summary>
/// What a run of the daily reach did: each channel's row of the day (<paramref name="Recorded"/> names the ones this run
/// added), the items measured 1 and 7 days after publication, and the channels that did not answer.
/// </summary>
public sealed record ReachRun(
    string Day, IReadOnlyList<ChannelReach> Channels, IReadOnlyList<string> Recorded, int ItemsMeasured,
    IReadOnlyDictionary<string, string> Failures);
