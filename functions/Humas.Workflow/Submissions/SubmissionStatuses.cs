namespace Humas.Workflow.Submissions;

public static class SubmissionStatuses
{
    public static bool IsFinal(this SubmissionStatus s) =>
        s is SubmissionStatus.Published or SubmissionStatus.Rejected or SubmissionStatus.Withdrawn
            or SubmissionStatus.Expired or SubmissionStatus.PublicationFailed or SubmissionStatus.Closed
            or SubmissionStatus.TakenDown;

    /// <summary>The submitter may withdraw until it is approved for publication, and while it waits for its publish time.</summary>
    public static bool CanBeWithdrawn(this SubmissionStatus s) =>
        s is SubmissionStatus.Submitted or SubmissionStatus.InReview or SubmissionStatus.RevisionRequested
            or SubmissionStatus.AwaitingApproval or SubmissionStatus.Scheduled;

    /// <summary>The status a submission has while it waits on a stage.</summary>
    public static SubmissionStatus WaitingStatus(this Stage stage) => stage switch
    {
        Stage.Review => SubmissionStatus.InReview,
        Stage.Approval => SubmissionStatus.AwaitingApproval,
        _ => SubmissionStatus.RevisionRequested,
    };
}
