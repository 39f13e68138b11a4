using Humas.Workflow.Configuration;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestration;

/// <summary>How a submission's workflow is started: by intake, and again by staff after a failure.</summary>
public static class WorkflowStart
{
    /// <summary>
    /// The orchestrator's name as the engine knows it (the class <c>Orchestrator.SubmissionWorkflow</c>, a test holds
    /// them equal): the folders that start or list workflows need the name, not the orchestrator and all it calls.
    /// </summary>
    public const string Orchestrator = "SubmissionWorkflow";

    public static WorkflowInput Input(Submission s, WorkflowOptions workflow, WorkflowResume? resume = null) =>
        new(s.Id, Timings(workflow, s.Content.ContentType), s.Content.PublishAt, WorkflowVersions.Current, resume);

    /// <summary>The durations a submission of this content type gets, fixed when its workflow starts.</summary>
    public static WorkflowTimings Timings(WorkflowOptions workflow, string contentType)
    {
        var o = workflow.ContentTypes.TryGetValue(contentType, out var found) ? found : new WorkflowTimingOverride();
        return new WorkflowTimings(
            o.ReviewTimeout ?? workflow.ReviewTimeout, o.ApprovalTimeout ?? workflow.ApprovalTimeout, o.RevisionTimeout ?? workflow.RevisionTimeout,
            o.ReminderAfter ?? workflow.ReminderAfter, o.EscalateAfter ?? workflow.EscalateAfter);
    }

    /// <summary>
    /// The instance carries the version for the engine too: under Durable Functions the extension's version match
    /// (host.json) keeps a worker of an older release from running it.
    /// </summary>
    public static StartOrchestrationOptions Options(string submissionId) =>
        new(submissionId) { Version = WorkflowVersions.Current.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
