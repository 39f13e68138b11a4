using Humas.Workflow.Calendar;
using Humas.Workflow.Holidays;
using Humas.Workflow.Orchestration;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// A wait's deadline, reminder and escalation on the unit's working calendar as it is when they are computed (workflow
/// version 3). An activity, so the orchestrator never reads the calendar itself: its answer is in the history and a
/// replay sees the same times, while a change of the calendar holds from the next deadline computed.
/// </summary>
public sealed class PlanDeadline(UnitCalendar calendar) : TaskActivity<DeadlineRequest, DeadlinePlan>
{
    public override async Task<DeadlinePlan> RunAsync(TaskActivityContext context, DeadlineRequest r) =>
        Plan(await calendar.CurrentAsync(), r);

    /// <summary>
    /// Plain durations keep their meaning (a stage of four hours ends after four hours, its reminder comes when it
    /// comes). A stage given in working time keeps its reminder and escalation in working time too: one that would come
    /// after closing, on a weekend or a holiday comes at the next opening instead.
    /// </summary>
    public static DeadlinePlan Plan(WorkingCalendar c, DeadlineRequest r)
    {
        var deadline = c.Add(r.Issued, r.Timeout);
        DateTimeOffset? Due(WorkingDuration? after)
        {
            if (after is not { } a) return null;
            var at = c.Add(r.Issued, a);
            if (r.Timeout.IsWorking || a.IsWorking) at = c.NextWorkingMoment(at);
            return at < deadline ? at : null;
        }
        return new DeadlinePlan(deadline, Due(r.ReminderAfter), Due(r.EscalateAfter));
    }
}
