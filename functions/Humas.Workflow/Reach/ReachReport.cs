namespace Humas.Workflow.Reach;

/// <summary>The reach of a year's channels at a moment: aggregate figures only, safe to show without a key.</summary>
public sealed record ReachReport(int Year, DateTimeOffset AsOf, IReadOnlyList<ChannelReachReport> Channels, IReadOnlyList<ReachTargetProgress> Targets);
