namespace Humas.Workflow.Summaries;

/// <summary>Where a run's snapshot files are in the <c>snapshots</c> container.</summary>
public sealed record SnapshotFiles(string Html, string Json, string Xlsx, string Chart);
