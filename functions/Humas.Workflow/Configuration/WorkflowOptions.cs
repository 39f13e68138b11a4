namespace Humas.Workflow.Configuration;

public sealed class WorkflowOptions
{
    public TimeSpan ReviewTimeout { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan RevisionTimeout { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the local host looks for workflows that failed or were terminated (Azure: a timer every 5 minutes).</summary>
    public TimeSpan FailureCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a tracking link stays valid.</summary>
    public TimeSpan TrackingLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Deadlines that differ by content type (<c>Humas__Workflow__ContentTypes__press-release__ReviewTimeout</c>):
    /// a press release goes out the same day, a feature article may take days.
    /// </summary>
    public Dictionary<string, WorkflowTimingOverride> ContentTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["press-release"] = new()
        {
            ReviewTimeout = TimeSpan.FromHours(4), ApprovalTimeout = TimeSpan.FromHours(4), RevisionTimeout = TimeSpan.FromHours(4),
            ReminderAfter = TimeSpan.FromHours(1), EscalateAfter = TimeSpan.FromHours(2),
        },
    };
}
