namespace Humas.Workflow.Submissions;

public enum SubmissionStatus
{
    Submitted,
    InReview,
    RevisionRequested,
    AwaitingApproval,
    Approved,
    Scheduled,
    Publishing,
    Published,
    Rejected,
    Withdrawn,
    Expired,
    PublicationFailed,

    /// <summary>The workflow instance failed or was terminated; staff restart it from its last good state or close it.</summary>
    WorkflowFailed,

    /// <summary>Closed by staff, with a reason, after its workflow failed.</summary>
    Closed,

    /// <summary>Removed from its channels after publication: its consent was withdrawn, or staff took it down with a reason.</summary>
    TakenDown,
}
