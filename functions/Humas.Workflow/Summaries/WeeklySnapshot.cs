using Humas.Workflow.Storage;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Summaries;

/// <summary>A weekly snapshot: the report and the decisions left waiting too long.</summary>
public sealed record WeeklySnapshot(string RunId, DateTimeOffset GeneratedAt, TargetReport Report, IReadOnlyList<WaitingDecision> Overdue);
