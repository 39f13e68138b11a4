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
        var waiting = await store.ApplyAsync(r.SubmissionId, r.Step, s => Change(s, r));
        await MailAsync(waiting, r);
        return waiting;
    }

    /// <summary>What the request changes on the record.</summary>
    public static SubmissionChange Change(Submission s, DecisionRequest r) => r.Notice switch
    {
        Notice.Reminder => s.Remind(r.Stage, r.At, r.Deciders),
        Notice.Escalation => s.Escalate(r.Stage, r.At, r.Deciders),
        _ => s.StartStage(r.Stage, r.Round, r.At, r.Deadline, r.Policy, r.Deciders, r.Comment, r.ReminderDueAt, r.EscalationDueAt),
    };

    /// <summary>Each recipient's mail, once; a caller that has read the people or the calendar already passes them.</summary>
    public async Task MailAsync(Submission waiting, DecisionRequest r, UnitProfile? currentPeople = null, WorkingCalendar? currentCalendar = null)
    {
        var escalated = r.Notice == Notice.Escalation;
        var recipients = escalated
            ? r.Deciders.Where(d => d.BackupKey is not null).Select(d => (Key: d.BackupKey!, Name: d.BackupName!, Email: d.BackupEmail!, For: (Assignee?)d)).ToList()
            : r.Deciders.Select(d => (d.Key, d.Name, d.Email, For: (Assignee?)null)).ToList();
        var draft = composer.For(waiting, r.Stage, r.At, r.Deadline, r.Comment, r.Notice, currentPeople, currentCalendar);
        foreach (var (key, name, email, seat) in recipients)
            await mailer.SendOnceAsync(waiting.Id, $"step{r.Step}", email, async () =>
            {
                var url = await links.DecisionAsync(new LinkToken(waiting.Id, r.Stage == Stage.Revision ? "revise" : "act", r.Stage, r.Round,
                    key, email, r.Deadline, seat?.Key, escalated ? r.At : r.LinkIssuedAt));
                return await draft.ToAsync(new Person(key, name, "", email), url, seat?.Name);
            });
    }
}
