using Humas.Workflow.Calendar;
using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// Opens a stage in one activity (workflow version 6), where versions 3 to 5 call three that always run together:
/// the deciders picked as <see cref="AssignDeciders"/> does, the deadline planned as <see cref="PlanDeadline"/> does,
/// and the request recorded and mailed as <see cref="RequestDecision"/> does. The people and the calendar are read once
/// for all three, the record once. Its answer is in the history, so a replay sees the same deciders and times.
/// </summary>
/// <remarks>
/// Delivered again after its save, it finds the step applied and answers the deadline, reminder and escalation the
/// record keeps, so the timers fall where the mailed links say; the mails that went out are not sent again. The deciders
/// are picked again from the people as they are then: only a change of the people between the save and the redelivery
/// (seconds) could make them differ from the record's.
/// </remarks>
public sealed class OpenStage(SubmissionStore store, UnitPeople people, Holidays.UnitCalendar calendar, DecisionRequests requests)
    : TaskActivity<StageOpening, StageOpened>
{
    public override async Task<StageOpened> RunAsync(TaskActivityContext context, StageOpening opening)
    {
        var unit = await people.CurrentAsync();
        var workingCalendar = await calendar.CurrentAsync();
        (StageAssignment Assignment, DecisionRequest Request)? asked = null;
        var (waiting, applied) = await store.ApplyStepAsync(opening.SubmissionId, opening.Step, s =>
        {
            asked = Ask(opening, unit, workingCalendar, s);
            return DecisionRequests.Change(s, asked.Value.Request);
        }, _ => requests.LinkRows(asked!.Value.Request));
        // What an attempt that lost to another writer decided is not what was saved: only this run's save says so.
        var (assignment, request) = applied && asked is { } saved ? saved : AskedBefore(opening, Ask(opening, unit, workingCalendar, waiting), waiting);
        await requests.MailAsync(waiting, request, unit, workingCalendar, stepJustApplied: applied);
        return new StageOpened(assignment, new DeadlinePlan(request.Deadline, request.ReminderDueAt, request.EscalationDueAt));
    }

    private static (StageAssignment, DecisionRequest) Ask(StageOpening o, UnitProfile unit, WorkingCalendar calendar, Submission s)
    {
        var assignment = o.Group is { } given
            ? new StageAssignment(o.Policy ?? DecisionPolicy.Any, given, [])
            : AssignDeciders.Assign(unit, s, o.Stage);
        // A sequence asks its deciders one after another; the others all at once.
        var group = o.Group ?? (assignment.Policy == DecisionPolicy.Sequence ? [assignment.Deciders[0]] : assignment.Deciders);
        var escalates = o.Stage != Stage.Revision && group.Any(d => d.BackupKey is not null);
        var plan = PlanDeadline.Plan(calendar, new DeadlineRequest(o.SubmissionId, o.At, o.Timeout, o.ReminderAfter, escalates ? o.EscalateAfter : null));
        return (assignment, new DecisionRequest(o.SubmissionId, o.Step, o.At, o.Stage, o.Round, plan.Deadline, assignment.Policy, group,
            Notice.Request, o.At, o.Comment, plan.RemindAt, plan.EscalateAt));
    }

    /// <summary>The request as the record kept it when an earlier delivery saved it: its times, which a calendar changed since would move.</summary>
    private static (StageAssignment, DecisionRequest) AskedBefore(StageOpening o, (StageAssignment, DecisionRequest) again, Submission waiting)
    {
        var (assignment, request) = again;
        if (waiting.LastStep != o.Step || waiting.WaitingStage != o.Stage || waiting.Round != o.Round || waiting.Deadline is not { } deadline)
            return again;
        return (assignment, request with { Deadline = deadline, ReminderDueAt = waiting.ReminderDueAt, EscalationDueAt = waiting.EscalationDueAt });
    }
}
