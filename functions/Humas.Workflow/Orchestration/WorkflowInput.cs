namespace Humas.Workflow.Orchestration;

/// <summary>Everything the orchestration needs, fixed at start so that replays see the same durations.</summary>
/// <param name="Version">The workflow version the instance runs (<see cref="WorkflowVersions"/>); absent in instances started before versions were kept.</param>
/// <param name="Resume">Where a workflow restarted by staff after a failure takes up the submission; absent for a new one.</param>
public sealed record WorkflowInput(
    string SubmissionId, WorkflowTimings Timings, DateTimeOffset? PublishAt, int? Version = null, WorkflowResume? Resume = null);
