using Humas.Workflow.Calendar;

namespace Humas.Workflow.Configuration;

public sealed class WorkflowTimingOverride
{
    public WorkingDuration? ReviewTimeout { get; set; }
    public WorkingDuration? ApprovalTimeout { get; set; }
    public WorkingDuration? RevisionTimeout { get; set; }
    public WorkingDuration? ReminderAfter { get; set; }
    public WorkingDuration? EscalateAfter { get; set; }
}
