namespace Humas.Workflow.Submissions;

/// <summary>
/// A transition the submission's status does not allow. From the workflow it means the workflow and the record disagree,
/// which must stop the workflow rather than write a state nobody can explain; from staff it comes too late.
/// </summary>
public sealed class TransitionRefused(string submissionId, SubmissionStatus status, string transition)
    : InvalidOperationException($"{transition} is not allowed for submission {submissionId} while it is {status}.")
{
    public string SubmissionId { get; } = submissionId;
    public SubmissionStatus Status { get; } = status;
    public string Transition { get; } = transition;
}
