namespace Humas.Workflow.Submissions;

/// <summary>The events of each stage: its request, reminder, escalation, answers and expiry.</summary>
public static class StageEvents
{
    public static HistoryEvent Requested(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewRequested,
        Stage.Approval => HistoryEvent.ApprovalRequested,
        _ => HistoryEvent.RevisionRequested,
    };

    public static HistoryEvent Reminder(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewReminder,
        Stage.Approval => HistoryEvent.ApprovalReminder,
        _ => HistoryEvent.RevisionReminder,
    };

    /// <summary>The submitter, asked for a revision, has no backup to escalate to.</summary>
    public static HistoryEvent Escalated(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewEscalated,
        Stage.Approval => HistoryEvent.ApprovalEscalated,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "A revision is not escalated."),
    };

    /// <summary>The submitter answers a revision with the revision itself, never with a response.</summary>
    public static HistoryEvent Response(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewResponse,
        Stage.Approval => HistoryEvent.ApprovalResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "A revision has no responses."),
    };

    /// <summary>A decider handed their seat on; a revision is the submitter's own and is not handed on.</summary>
    public static HistoryEvent HandedOn(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewHandedOn,
        Stage.Approval => HistoryEvent.ApprovalHandedOn,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "A revision is not handed on."),
    };

    public static HistoryEvent Expired(Stage stage) => stage switch
    {
        Stage.Review => HistoryEvent.ReviewExpired,
        Stage.Approval => HistoryEvent.ApprovalExpired,
        _ => HistoryEvent.RevisionExpired,
    };

    /// <summary>A link sent to someone: the row's actor is who it went to, not who acted.</summary>
    public static bool IsNotice(this HistoryEvent e) => e is
        HistoryEvent.ReviewRequested or HistoryEvent.ApprovalRequested or HistoryEvent.RevisionRequested
        or HistoryEvent.ReviewReminder or HistoryEvent.ApprovalReminder or HistoryEvent.RevisionReminder
        or HistoryEvent.ReviewEscalated or HistoryEvent.ApprovalEscalated;

    /// <summary>One decider's answer within a stage, with the decision they gave.</summary>
    public static bool IsResponse(this HistoryEvent e) => e is HistoryEvent.ReviewResponse or HistoryEvent.ApprovalResponse;
}
