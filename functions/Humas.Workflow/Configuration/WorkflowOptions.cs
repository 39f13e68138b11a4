using Humas.Workflow.Calendar;

namespace Humas.Workflow.Configuration;

/// <remarks>
/// The deadline settings take a TimeSpan as before or working time on the unit's calendar (<c>2wd</c>, <c>16wh</c>);
/// a value that is neither fails the binding at startup, with the setting's name.
/// </remarks>
public sealed class WorkflowOptions
{
    public WorkingDuration ReviewTimeout { get; set; } = TimeSpan.FromDays(3);
    public WorkingDuration ApprovalTimeout { get; set; } = TimeSpan.FromDays(3);
    public WorkingDuration RevisionTimeout { get; set; } = TimeSpan.FromDays(7);
    public WorkingDuration ReminderAfter { get; set; } = TimeSpan.FromDays(1);
    public WorkingDuration EscalateAfter { get; set; } = TimeSpan.FromDays(2);

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
