using Humas.Workflow.Calendar;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>
/// A stage to open (workflow version 6): its deciders picked, its deadline planned from <paramref name="At"/>, and the
/// request mailed, as history step <paramref name="Step"/>. Without <paramref name="Group"/> the stage's deciders are
/// picked and its first group asked; a later decider of a sequence comes as the <paramref name="Group"/> to ask under
/// <paramref name="Policy"/>, picked when the stage opened. The escalation is planned only for a group with a backup.
/// </summary>
public sealed record StageOpening(
    string SubmissionId, int Step, DateTimeOffset At, Stage Stage, int Round, WorkingDuration Timeout,
    WorkingDuration? ReminderAfter, WorkingDuration? EscalateAfter, string? Comment = null,
    DecisionPolicy? Policy = null, IReadOnlyList<Assignee>? Group = null);
