using Humas.Workflow.Orchestration;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>A state change as the orchestration names it (<see cref="Transitions"/>).</summary>
public sealed class RecordTransition(Transitions transitions) : TaskActivity<Transition, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Transition t)
    {
        await transitions.RecordAsync(t);
        return true;
    }

    /// <summary>
    /// The transition the orchestration named. Its input keeps the event as a name and the status beside it, as running
    /// instances scheduled it; the name is read here, once, and the status must be the one the transition leads to.
    /// </summary>
    public static SubmissionChange Change(Submission s, Transition t)
    {
        var by = new ActedBy(t.Actor, t.OnBehalfOf, t.Decision, t.Comment);
        var change = Enum.Parse<HistoryEvent>(t.Event) switch
        {
            HistoryEvent.ReviewAccepted => s.Accept(t.At, by),
            HistoryEvent.Approved => s.Approve(t.At, by),
            HistoryEvent.RevisionAsked => s.AskForRevision(t.At, by),
            HistoryEvent.Rejected => s.Reject(t.At, by),
            HistoryEvent.Withdrawn => s.Withdraw(t.At, by),
            HistoryEvent.ReviewExpired => s.Expire(Stage.Review, t.At),
            HistoryEvent.ApprovalExpired => s.Expire(Stage.Approval, t.At),
            HistoryEvent.RevisionExpired => s.Expire(Stage.Revision, t.At),
            HistoryEvent.Scheduled => s.Schedule(t.At, t.Comment),
            HistoryEvent.Publishing => s.StartPublishing(t.At),
            HistoryEvent.Published => s.Publish(t.At),
            HistoryEvent.PublicationFailed => s.FailPublication(t.At),
            var other => throw new ArgumentException($"{other} is not recorded by {nameof(RecordTransition)}.", nameof(t)),
        };
        return change.After.Status == t.Status
            ? change
            : throw new ArgumentException($"{t.Event} leads to {change.After.Status}, not {t.Status}.", nameof(t));
    }
}
