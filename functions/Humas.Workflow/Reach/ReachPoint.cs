namespace Humas.Workflow.Reach;

/// <summary>A channel's figures on one day: a week's last measured day on the chart.</summary>
public sealed record ReachPoint(string Day, IReadOnlyDictionary<string, long> Figures);
