using Humas.Workflow.Calendar;

namespace Humas.Workflow.Orchestration;

/// <summary>How long each wait lasts; reminders and escalation to the backup come before the deadline.</summary>
/// <remarks>Plain values are written as the TimeSpans they were before working time, so older inputs read back.</remarks>
public sealed record WorkflowTimings(
    WorkingDuration Review, WorkingDuration Approval, WorkingDuration Revision, WorkingDuration ReminderAfter, WorkingDuration EscalateAfter);
