using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestration;

/// <summary>Writes a state change (record and history together) and tells the submitter when asked to.</summary>
public sealed class RecordTransition(SubmissionStore store, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit)
    : TaskActivity<Transition, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Transition t)
    {
        var s = await store.GetAsync(t.SubmissionId) ?? throw new InvalidOperationException($"No submission {t.SubmissionId}.");
        // The input keeps the event by name, as running instances scheduled it; it is read here, once.
        var entry = new HistoryEntry
        {
            Step = t.Step, At = t.At, Status = t.Status, Event = Enum.Parse<HistoryEvent>(t.Event), Actor = t.Actor,
            OnBehalfOf = t.OnBehalfOf, Decision = t.Decision, Comment = t.Comment,
        };
        // A duplicate delivery of an older step must not roll the record back.
        var updated = s.LastStep > t.Step ? s : s with
        {
            Status = t.Status, UpdatedAt = t.At, LastStep = t.Step, WaitingStage = null, WaitingFor = [], Awaiting = [], Deadline = null,
        };
        await store.SaveAsync(updated, entry);
        if (t.NotifySubmitter)
            await mailer.SendOnceAsync(s.Id, $"step{t.Step}", await WorkflowMails.OutcomeAsync(mails, unit, updated, t, links.Track(s)));
        return true;
    }
}
