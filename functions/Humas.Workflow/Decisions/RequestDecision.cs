using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Puts a submission in a waiting stage and emails each decider a link of their own; a reminder sends the
/// same link again, an escalation sends each backup a link that decides on behalf of the one they stand in for.
/// </summary>
public sealed class RequestDecision(
    SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit, Holidays.UnitCalendar calendar,
    MailThumbnail thumbnail, UnitPeople people, Rounds.RoundSnapshots rounds)
    : TaskActivity<DecisionRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DecisionRequest r)
    {
        var escalated = r.Notice == Notice.Escalation;
        var recipients = escalated
            ? r.Deciders.Where(d => d.BackupKey is not null).Select(d => (Key: d.BackupKey!, Name: d.BackupName!, Email: d.BackupEmail!, For: (Assignee?)d)).ToList()
            : r.Deciders.Select(d => (d.Key, d.Name, d.Email, For: (Assignee?)null)).ToList();
        // The links depend on the request alone (the same request signs the same rows), so they are stored with the state.
        var urls = recipients.Select(x => links.PrepareDecision(new LinkToken(r.SubmissionId, r.Stage == Stage.Revision ? "revise" : "act", r.Stage, r.Round,
            x.Key, x.Email, r.Deadline, x.For?.Key, escalated ? r.At : r.LinkIssuedAt))).ToList();

        var (waiting, applied) = await store.ApplyStepAsync(r.SubmissionId, r.Step, s => r.Notice switch
        {
            Notice.Reminder => s.Remind(r.Stage, r.At, r.Deciders),
            Notice.Escalation => s.Escalate(r.Stage, r.At, r.Deciders),
            _ => s.StartStage(r.Stage, r.Round, r.At, r.Deadline, r.Policy, r.Deciders, r.Comment, r.ReminderDueAt, r.EscalationDueAt),
        }, _ => urls.Select(u => u.Row).ToList());

        var left = (await calendar.CurrentAsync()).TimeLeft(r.At, r.Deadline);
        var photo = await thumbnail.OfAsync(waiting);
        // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
        var team = (await people.CurrentAsync()).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        var changes = r.Stage == Stage.Revision ? null : await rounds.ChangesAsync(waiting);
        foreach (var ((key, name, email, seat), (url, _)) in recipients.Zip(urls))
        {
            await mailer.SendOnceAsync(waiting.Id, $"step{r.Step}",
                await WorkflowMails.DecisionRequestAsync(mails, unit, waiting, r.Stage, new Person(key, name, "", email), url, r.Deadline, r.Comment, r.Notice, seat?.Name, photo, team, left, changes),
                unsent: applied);
        }
        return true;
    }
}
