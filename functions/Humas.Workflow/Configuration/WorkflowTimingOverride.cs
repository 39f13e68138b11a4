namespace Humas.Workflow.Configuration;

public sealed class WorkflowTimingOverride
{
    public TimeSpan? ReviewTimeout { get; set; }
    public TimeSpan? ApprovalTimeout { get; set; }
    public TimeSpan? RevisionTimeout { get; set; }
    public TimeSpan? ReminderAfter { get; set; }
    public TimeSpan? EscalateAfter { get; set; }
}
