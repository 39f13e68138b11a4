using Humas.Workflow.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Configuration;

/// <summary>
/// Checks every deadline setting as written, the per-content-type ones too: the binder leaves a dictionary entry it
/// cannot convert unset instead of failing, which would quietly give that content type the general deadline.
/// </summary>
public sealed class DeadlineSettings(IConfiguration configuration) : IValidateOptions<HumasOptions>
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(WorkflowOptions.ReviewTimeout), nameof(WorkflowOptions.ApprovalTimeout), nameof(WorkflowOptions.RevisionTimeout),
        nameof(WorkflowOptions.ReminderAfter), nameof(WorkflowOptions.EscalateAfter),
    };

    public ValidateOptionsResult Validate(string? name, HumasOptions options)
    {
        var workflow = configuration.GetSection($"{HumasOptions.Section}:Workflow");
        var bad = workflow.GetChildren().Concat(workflow.GetSection(nameof(WorkflowOptions.ContentTypes)).GetChildren().SelectMany(t => t.GetChildren()))
            .Where(s => Names.Contains(s.Key) && s.Value is not null && !WorkingDuration.TryParse(s.Value, out _))
            .Select(s => $"{s.Path.Replace(":", "__", StringComparison.Ordinal)}: '{s.Value}' is not a duration (a TimeSpan such as 3.00:00:00, working days such as 2wd, or working hours such as 16wh)")
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }
}
