using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// Writes a state change (record and history together) and tells the submitter when asked to. Run at least once: the
/// record's step and the mail's marker make a second run write and send nothing new.
/// </summary>
public sealed class Transitions(SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit, UnitPeople people)
{
    /// <summary>
    /// The record after the change. The Published mail lists the channels' records: <paramref name="publications"/> when
    /// the caller has them, else as kept with the submission.
    /// </summary>
    public async Task<Submission> RecordAsync(Transition t, IReadOnlyList<PublicationRecord>? publications = null)
    {
        (string Url, MarkerRow Row)? track = null;
        var (updated, applied) = await store.ApplyStepAsync(t.SubmissionId, t.Step, s => RecordTransition.Change(s, t),
            s => t.NotifySubmitter ? [(track = links.PrepareTrack(s.Id, s.Content.SubmitterEmail)).Value.Row] : []);
        if (t.NotifySubmitter)
        {
            var trackUrl = applied && track is { } stored ? stored.Url : await links.TrackAsync(updated);
            var published = t.Status != SubmissionStatus.Published ? []
                : publications ?? await store.GetMarkersAsync<PublicationRecord>(updated.Id, "publication-");
            // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
            var team = (await people.CurrentAsync()).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
            await mailer.SendOnceAsync(updated.Id, $"step{t.Step}",
                await WorkflowMails.OutcomeAsync(mails, unit, updated, t, trackUrl, published, team), stepJustApplied: applied);
        }
        return updated;
    }
}
