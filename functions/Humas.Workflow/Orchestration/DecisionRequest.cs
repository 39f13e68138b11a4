using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <param name="LinkIssuedAt">When the stage's links were first issued: a reminder repeats the same link.</param>
/// <param name="ReminderDueAt">When the reminder falls due, where version 3 planned it; kept on the record for staff.</param>
/// <param name="EscalationDueAt">When the escalation falls due, where version 3 planned it.</param>
public sealed record DecisionRequest(
    string SubmissionId, int Step, DateTimeOffset At, Stage Stage, int Round, DateTimeOffset Deadline,
    DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, Notice Notice, DateTimeOffset LinkIssuedAt, string? Comment = null,
    DateTimeOffset? ReminderDueAt = null, DateTimeOffset? EscalationDueAt = null);
