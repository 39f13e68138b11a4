using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>A decision raised by the endpoint behind an emailed link; a backup decides on behalf of the one they stand in for.</summary>
public sealed record DecisionMade(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName,
    DateTimeOffset At, string? OnBehalfOf = null, string? OnBehalfOfName = null, IReadOnlyList<string>? Checklist = null)
{
    /// <summary>Whose place in the stage this answer fills.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SeatKey => OnBehalfOf ?? PersonKey;
}
