namespace Humas.Workflow.Profiles;

/// <summary>A yearly reach target: one figure of one channel (Instagram followers, say) to reach by the end of the year.</summary>
public sealed record ReachTarget(int Year, string Channel, string Figure, long Target);
