using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>Writes a state change (record and history together) and tells the submitter when asked to.</summary>
public sealed class RecordTransition(SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit, UnitPeople people)
    : TaskActivity<Transition, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Transition t)
    {
        // The tracking link the submitter's mail carries is stored with the state, in its transaction.
        string? trackUrl = null;
        IReadOnlyList<MarkerRow> Track(Submission s)
        {
            var (url, row) = links.PrepareTrack(s.Id, s.Content.SubmitterEmail);
            trackUrl = url;
            return [row];
        }
        var (updated, applied) = await store.ApplyStepAsync(t.SubmissionId, t.Step, s => Change(s, t), t.NotifySubmitter ? Track : null);
        if (t.NotifySubmitter)
        {
            var publications = t.Status == SubmissionStatus.Published
                ? await store.GetMarkersAsync<PublicationRecord>(updated.Id, "publication-")
                : [];
            // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
            var team = (await people.CurrentAsync()).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
            await mailer.SendOnceAsync(updated.Id, $"step{t.Step}",
                await WorkflowMails.OutcomeAsync(mails, unit, updated, t, trackUrl ?? await links.TrackAsync(updated), publications, team), unsent: applied);
        }
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
