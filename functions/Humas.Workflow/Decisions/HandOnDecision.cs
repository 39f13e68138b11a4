using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Hands a seat to a colleague (workflow version 4): records it (who, to whom, why), makes the colleague's own link and
/// mails it with the reason. Answers the colleague as the seat's new assignee, so that reminders and the escalation go to
/// them. Safe to run twice: the record's step, the link's digest and the mail's marker are the same the second time.
/// </summary>
public sealed class HandOnDecision(SubmissionStore store, Mailer mailer, Links.Links links, UnitPeople people, DecisionMailComposer composer)
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

        var token = new LinkToken(input.SubmissionId, "act", made.Stage, made.Round, to.Key, to.Email, input.Deadline, null, input.LinkIssuedAt);
        var link = links.PrepareDecision(token);
        var (waiting, applied) = await store.ApplyStepAsync(input.SubmissionId, input.Step, s => s.HandOn(made.Stage, made.At, made.SeatKey, seatName, colleague,
            new ActedBy(made.PersonName, made.OnBehalfOfName, DecisionValues.Reassign, made.Comment)), _ => [link.Row]);
        var draft = composer.For(waiting, made.Stage, made.At, input.Deadline, made.Comment, Notice.HandedOn, current);
        // Saved by this run, the link's row went with the hand-on and no mail of it can have gone out yet.
        await mailer.SendOnceAsync(waiting.Id, $"step{input.Step}", to.Email, async () => await draft.ToAsync(to,
            applied ? link.Url : await links.DecisionAsync(token), made.PersonName), stepJustApplied: applied);
        return colleague;
    }
}
