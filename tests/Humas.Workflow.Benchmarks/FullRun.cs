namespace Humas.Workflow.Benchmarks;

/// <summary>One full-workflow run: its times, its submissions, and (once counted) their storage requests and state changes.</summary>
public sealed record FullRun(RunFigures Figures, IReadOnlyList<string> Ids, StorageRequests.Tally? Requests = null, int StateChanges = 0);
