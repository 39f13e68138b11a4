using Humas.Workflow.Storage;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Summaries;

/// <summary>What a run did: its snapshot, who was emailed, what it found.</summary>
public sealed record SummaryRun(
    string RunId, int Year, DateTimeOffset GeneratedAt, IReadOnlyList<string> Recipients, SnapshotFiles Snapshot,
    TargetReport Report, IReadOnlyList<WaitingDecision> Overdue);
