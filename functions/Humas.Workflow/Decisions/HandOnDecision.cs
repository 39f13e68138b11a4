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
/// Hands a seat to a colleague (workflow version 4): records it (who, to whom, why), makes the colleague's own link and
/// mails it with the reason. Answers the colleague as the seat's new assignee, so that reminders and the escalation go to
/// them. Safe to run twice: the record's step, the link's digest and the mail's marker are the same the second time.
/// </summary>
public sealed class HandOnDecision(
    SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit, Holidays.UnitCalendar calendar,
    MailThumbnail thumbnail, UnitPeople people, Rounds.RoundSnapshots rounds)
    : TaskActivity<HandOnInput, Assignee>
{
    public override async Task<Assignee> RunAsync(TaskActivityContext context, HandOnInput input)
    {
        var made = input.HandedOn;
        var current = await people.CurrentAsync();
        var to = current.PersonByKey(made.To ?? throw new ArgumentException("A hand-on names its colleague.", nameof(input)));
        var backup = current.PersonByKeyOrNull(to.Backup);
        var colleague = new Assignee(to.Key, to.Name, to.Email, backup?.Key, backup?.Name, backup?.Email);
        var seatName = made.OnBehalfOfName ?? made.PersonName;

        var (waiting, applied) = await store.ApplyStepAsync(input.SubmissionId, input.Step, s => s.HandOn(made.Stage, made.At, made.SeatKey, seatName, colleague,
            new ActedBy(made.PersonName, made.OnBehalfOfName, DecisionValues.Reassign, made.Comment)));
        var url = await links.DecisionAsync(new LinkToken(waiting.Id, "act", made.Stage, made.Round, to.Key, to.Email, input.Deadline, null, input.LinkIssuedAt));
        var left = (await calendar.CurrentAsync()).TimeLeft(made.At, input.Deadline);
        var team = current.People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        await mailer.SendOnceAsync(waiting.Id, $"step{input.Step}",
            await WorkflowMails.DecisionRequestAsync(mails, unit, waiting, made.Stage, to, url, input.Deadline, made.Comment, Notice.HandedOn,
                made.PersonName, await thumbnail.OfAsync(waiting), team, left, await rounds.ChangesAsync(waiting)), unsent: applied);
        return colleague;
    }
}
