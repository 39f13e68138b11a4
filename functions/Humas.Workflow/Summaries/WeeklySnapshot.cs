using Humas.Workflow.Storage;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Summaries;

/// <summary>A weekly snapshot: the report, the decisions left waiting too long, and the channels' reach.</summary>
public sealed record WeeklySnapshot(
    string RunId, DateTimeOffset GeneratedAt, TargetReport Report, IReadOnlyList<WaitingDecision> Overdue, Reach.ReachReport? Reach = null);
