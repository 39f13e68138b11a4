namespace Humas.Workflow.Orchestration;

/// <summary>
/// The version of <see cref="SubmissionWorkflow"/>'s replayed path. It changes only when the path an instance replays
/// changes (docs/workflow-versions.md); every instance keeps the version it started with, and the orchestrator keeps
/// the path of each version still in use.
/// </summary>
/// <remarks>
/// 1: publication in one activity (<c>PublishSubmission</c>). 2: publication fanned out from the orchestrator, one
/// activity per channel, Instagram's container waited for on durable timers (docs/workflow-versions.md). 3: every
/// wait's deadline, reminder and escalation computed by an activity (<c>PlanDeadline</c>) on the working calendar.
/// 4: a decider may hand their seat to a colleague; the stage calls <c>HandOnDecision</c> and waits on.
/// 5: a channel that refuses its credential or has reached its limit waits (<c>RecordChannelWait</c>, a durable timer)
/// and is tried again, up to the profile's bound.
/// 6: fewer activities: a stage opens in one (<c>OpenStage</c>: deciders, deadline, request), the publication begins in one
/// (<c>StartPublication</c>: the Publishing row and the plan) and ends in one (<c>FinishPublication</c>: records, count, close).
/// </remarks>
public static class WorkflowVersions
{
    public const int Current = 6;

    /// <summary>The oldest version this release still runs; older instances must have ended before it ships.</summary>
    public const int Oldest = 1;

    /// <summary>Instances started before the version was kept in the input ran version 1.</summary>
    public static int Of(WorkflowInput input) => input.Version ?? 1;
}
