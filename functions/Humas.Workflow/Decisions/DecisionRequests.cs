using Humas.Workflow.Calendar;
using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Puts a submission in a waiting stage and emails each decider a link of their own; a reminder sends the same link
/// again, an escalation sends each backup a link that decides on behalf of the one they stand in for. Run at least
/// once: the record's step and each recipient's mail marker make a second run write and send nothing new.
/// </summary>
public sealed class DecisionRequests(SubmissionStore store, Mailer mailer, Links.Links links, DecisionMailComposer composer)
{
    public async Task<Submission> RequestAsync(DecisionRequest r)
    {
        var (waiting, applied) = await store.ApplyStepAsync(r.SubmissionId, r.Step, s => Change(s, r), _ => LinkRows(r));
        await MailAsync(waiting, r, stepJustApplied: applied);
        return waiting;
    }

    /// <summary>The rows that make the request's links valid, for the transaction that saves the request.</summary>
    public IReadOnlyList<MarkerRow> LinkRows(DecisionRequest r) => Recipients(r).Select(x => links.PrepareDecision(x.Token).Row).ToList();

    private static List<(Person To, Assignee? For, LinkToken Token)> Recipients(DecisionRequest r)
    {
        var escalated = r.Notice == Notice.Escalation;
        var recipients = escalated
            ? r.Deciders.Where(d => d.BackupKey is not null).Select(d => (To: new Person(d.BackupKey!, d.BackupName!, "", d.BackupEmail!), For: (Assignee?)d))
            : r.Deciders.Select(d => (To: new Person(d.Key, d.Name, "", d.Email), For: (Assignee?)null));
        return recipients.Select(x => (x.To, x.For, new LinkToken(r.SubmissionId, r.Stage == Stage.Revision ? "revise" : "act", r.Stage, r.Round,
            x.To.Key, x.To.Email, r.Deadline, x.For?.Key, escalated ? r.At : r.LinkIssuedAt))).ToList();
    }

    /// <summary>What the request changes on the record.</summary>
    public static SubmissionChange Change(Submission s, DecisionRequest r) => r.Notice switch
    {
        Notice.Reminder => s.Remind(r.Stage, r.At, r.Deciders),
        Notice.Escalation => s.Escalate(r.Stage, r.At, r.Deciders),
        _ => s.StartStage(r.Stage, r.Round, r.At, r.Deadline, r.Policy, r.Deciders, r.Comment, r.ReminderDueAt, r.EscalationDueAt),
    };

    /// <summary>
    /// Each recipient's mail, once; a caller that has read the people or the calendar already passes them. When
    /// <paramref name="stepJustApplied"/>, this run saved the request with its <see cref="LinkRows"/>: no mail of it can
    /// have gone out and its links are stored. Otherwise (a delivery that found the step saved) each mail's marker is
    /// read and its link stored again, which gives the same row.
    /// </summary>
    public async Task MailAsync(Submission waiting, DecisionRequest r, UnitProfile? currentPeople = null, WorkingCalendar? currentCalendar = null,
        bool stepJustApplied = false)
    {
        var draft = composer.For(waiting, r.Stage, r.At, r.Deadline, r.Comment, r.Notice, currentPeople, currentCalendar);
        foreach (var (to, seat, token) in Recipients(r))
            await mailer.SendOnceAsync(waiting.Id, $"step{r.Step}", to.Email, async () =>
            {
                var url = stepJustApplied ? links.PrepareDecision(token).Url : await links.DecisionAsync(token);
                return await draft.ToAsync(to, url, seat?.Name);
            }, stepJustApplied: stepJustApplied);
    }
}
