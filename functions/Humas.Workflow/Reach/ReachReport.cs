namespace Humas.Workflow.Reach;

/// <summary>
/// The reach of a year's channels at a moment: aggregate figures only, safe to show without a key; and the channels
/// that need reconnecting now (their names and since when, not the channel's answer).
/// </summary>
public sealed record ReachReport(
    int Year, DateTimeOffset AsOf, IReadOnlyList<ChannelReachReport> Channels, IReadOnlyList<ReachTargetProgress> Targets,
    IReadOnlyList<ReconnectNeeded> NeedsReconnecting);
