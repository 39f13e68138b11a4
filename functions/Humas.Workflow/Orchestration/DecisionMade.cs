using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>A decision raised by the endpoint behind an emailed link; a backup decides on behalf of the one they stand in for.</summary>
/// <param name="To">With <see cref="DecisionValues.Reassign"/>: the person key of the colleague the seat is handed to.</param>
public sealed record DecisionMade(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName,
    DateTimeOffset At, string? OnBehalfOf = null, string? OnBehalfOfName = null, IReadOnlyList<string>? Checklist = null, string? To = null)
{
    /// <summary>Whose place in the stage this answer fills.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SeatKey => OnBehalfOf ?? PersonKey;
}
