namespace Humas.Workflow.Reach;

/// <summary>
/// A yearly reach target against its pace. The pace line runs from the year's first measurement to the target, since a
/// following is not built from nothing each January.
/// </summary>
public sealed record ReachTargetProgress(
    string Channel, string Figure, long Target, long Actual, long ExpectedByNow, string Status, long Short, double Percent);
