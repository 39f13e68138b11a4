namespace Humas.Workflow.Submissions;

/// <summary>
/// What a history row records. The name of each value is what the row and the tracking JSON carry, so a value is never
/// renamed: rows written by earlier releases must still read, and the names are the HTTP contract.
/// </summary>
public enum HistoryEvent
{
    /// <summary>The intake's own row, step 0.</summary>
    Submitted,

    ReviewRequested,
    ReviewReminder,
    ReviewEscalated,

    /// <summary>One reviewer's answer while the review waits for the others (all, sequence).</summary>
    ReviewResponse,

    ReviewAccepted,
    ReviewExpired,

    ApprovalRequested,
    ApprovalReminder,
    ApprovalEscalated,
    ApprovalResponse,
    Approved,
    ApprovalExpired,

    /// <summary>A reviewer or approver asked for a revision (the decision); <see cref="RevisionRequested"/> is the link sent to the submitter.</summary>
    RevisionAsked,

    RevisionRequested,
    RevisionReminder,
    Revised,
    RevisionExpired,

    Rejected,
    Withdrawn,

    /// <summary>Approved with a publish time ahead; the row's comment is that time (round-trip format).</summary>
    Scheduled,

    Publishing,
    Published,
    PublicationFailed,

    WorkflowFailed,
    WorkflowRestarted,
    Closed,

    /// <summary>A decider handed their seat to a colleague, with the reason; the row's <c>to</c> names the colleague.</summary>
    ReviewHandedOn,

    ApprovalHandedOn,

    /// <summary>A channel waits to be reconnected or for its limit (version 5): actor the channel, decision what for, comment until when.</summary>
    ChannelWaiting,

    /// <summary>One channel's part of a takedown; the row's decision is the channel, its comment what was done there.</summary>
    TakedownStep,

    /// <summary>Every channel's part done: the item is taken down; the row's comment is the reason.</summary>
    TakenDown,
}
