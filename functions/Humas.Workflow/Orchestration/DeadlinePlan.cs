namespace Humas.Workflow.Orchestration;

/// <summary>When a wait ends, and when its reminder and escalation fall due (absent when not before the deadline).</summary>
public sealed record DeadlinePlan(DateTimeOffset Deadline, DateTimeOffset? RemindAt, DateTimeOffset? EscalateAt);
