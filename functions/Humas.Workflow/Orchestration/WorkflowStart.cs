using Humas.Workflow.Configuration;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestration;

/// <summary>How a submission's workflow is started: by intake, and again by staff after a failure.</summary>
public static class WorkflowStart
{
    public static WorkflowInput Input(Submission s, WorkflowOptions workflow, WorkflowResume? resume = null) =>
        new(s.Id, workflow.TimingsFor(s.Content.ContentType), s.Content.PublishAt, WorkflowVersions.Current, resume);

    /// <summary>
    /// The instance carries the version for the engine too: under Durable Functions the extension's version match
    /// (host.json) keeps a worker of an older release from running it.
    /// </summary>
    public static StartOrchestrationOptions Options(string submissionId) =>
        new(submissionId) { Version = WorkflowVersions.Current.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
