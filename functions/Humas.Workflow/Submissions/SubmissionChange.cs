namespace Humas.Workflow.Submissions;

/// <summary>
/// What a transition makes of a submission: the state after it, and what the history row that tells it says. The step
/// that numbers both is the workflow's count, not a rule of the submission: the store gives it when it writes them
/// (<see cref="Storage.SubmissionStore.ApplyAsync"/>).
/// </summary>
public sealed record SubmissionChange(
    Submission After, HistoryEvent Event, string? Actor = null, string? OnBehalfOf = null, string? Decision = null, string? Comment = null,
    string? To = null)
{
    public SubmissionChange(Submission after, HistoryEvent @event, ActedBy? by)
        : this(after, @event, by?.Actor, by?.OnBehalfOf, by?.Decision, by?.Comment)
    {
    }

    /// <summary>The history row at a step; its time and status are those of the state after.</summary>
    public HistoryEntry Entry(int step) => new()
    {
        Step = step, At = After.UpdatedAt, Status = After.Status, Event = Event,
        Actor = Actor, OnBehalfOf = OnBehalfOf, Decision = Decision, Comment = Comment, To = To,
    };
}
