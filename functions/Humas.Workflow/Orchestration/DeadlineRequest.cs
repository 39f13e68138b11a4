using Humas.Workflow.Calendar;

namespace Humas.Workflow.Orchestration;

/// <summary>A wait's durations from the moment its links are issued; a reminder or escalation not wanted is absent.</summary>
public sealed record DeadlineRequest(
    string SubmissionId, DateTimeOffset Issued, WorkingDuration Timeout, WorkingDuration? ReminderAfter, WorkingDuration? EscalateAfter);
