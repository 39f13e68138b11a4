namespace Humas.Workflow.Orchestration;

/// <summary>How long each wait lasts; reminders and escalation to the backup come before the deadline.</summary>
public sealed record WorkflowTimings(TimeSpan Review, TimeSpan Approval, TimeSpan Revision, TimeSpan ReminderAfter, TimeSpan EscalateAfter);
