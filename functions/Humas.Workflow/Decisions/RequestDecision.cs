using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Puts a submission in a waiting stage and emails each decider a link of their own; a reminder sends the
/// same link again, an escalation sends each backup a link that decides on behalf of the one they stand in for.
/// </summary>
public sealed class RequestDecision(SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit)
    : TaskActivity<DecisionRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DecisionRequest r)
    {
        var s = await store.GetAsync(r.SubmissionId) ?? throw new InvalidOperationException($"No submission {r.SubmissionId}.");
        var sameStage = s.WaitingStage == r.Stage && s.Round == r.Round;
        var escalated = r.Notice == Notice.Escalation;
        var recipients = escalated
            ? r.Deciders.Where(d => d.BackupKey is not null).Select(d => (Key: d.BackupKey!, Name: d.BackupName!, Email: d.BackupEmail!, For: (Assignee?)d)).ToList()
            : r.Deciders.Select(d => (d.Key, d.Name, d.Email, For: (Assignee?)null)).ToList();

        var entry = new HistoryEntry
        {
            Step = r.Step, At = r.At, Status = r.Stage.WaitingStatus(),
            Event = r.Notice switch { Notice.Reminder => $"{r.Stage}Reminder", Notice.Escalation => $"{r.Stage}Escalated", _ => $"{r.Stage}Requested" },
            Actor = string.Join(", ", recipients.Select(p => p.Name)),
            OnBehalfOf = escalated ? string.Join(", ", recipients.Select(p => p.For!.Name)) : null,
            Comment = r.Notice == Notice.Request ? r.Comment : null,
        };
        var waiting = s.LastStep > r.Step ? s : r.Notice == Notice.Request
            ? s with
            {
                Status = r.Stage.WaitingStatus(), UpdatedAt = r.At, LastStep = r.Step, WaitingStage = r.Stage, Round = r.Round,
                Deadline = r.Deadline, Policy = r.Policy, Awaiting = r.Deciders.Select(d => d.Key).ToList(),
                WaitingFor = r.Deciders.Select(d => d.Name).ToList(), Responses = sameStage ? s.Responses : [],
            }
            : s with
            {
                UpdatedAt = r.At, LastStep = r.Step,
                WaitingFor = escalated ? s.WaitingFor.Concat(recipients.Select(p => $"{p.Name} (a.n. {p.For!.Name})")).ToList() : s.WaitingFor,
            };
        await store.SaveAsync(waiting, entry);

        foreach (var (key, name, email, seat) in recipients)
        {
            var url = links.Decision(new LinkToken(s.Id, r.Stage == Stage.Revision ? "revise" : "act", r.Stage, r.Round,
                key, email, r.Deadline, seat?.Key, escalated ? r.At : r.LinkIssuedAt));
            await mailer.SendOnceAsync(s.Id, $"step{r.Step}",
                await WorkflowMails.DecisionRequestAsync(mails, unit, waiting, r.Stage, new Person(key, name, "", email), url, r.Deadline, r.Comment, r.Notice, seat?.Name));
        }
        return true;
    }
}
