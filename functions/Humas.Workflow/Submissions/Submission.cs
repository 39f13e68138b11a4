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
}

/// <summary>The stages a person is asked to act on; each has its own links and event names.</summary>
public enum Stage
{
    Review,
    Approval,
    Revision,
}

public static class SubmissionStatuses
{
    public static bool IsFinal(this SubmissionStatus s) =>
        s is SubmissionStatus.Published or SubmissionStatus.Rejected or SubmissionStatus.Withdrawn
            or SubmissionStatus.Expired or SubmissionStatus.PublicationFailed or SubmissionStatus.Closed;

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

/// <summary>What the submitter wrote, as accepted (and later revised).</summary>
public sealed record SubmissionContent
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public required string ContentType { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public required string Track { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }
    public string? Program { get; init; }
    public bool PriorityProgram { get; init; }
    public string? SubmitterName { get; init; }
    public required string SubmitterEmail { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
}

public sealed record MediaItem(string Name, string ContentType, long Size, string BlobName);

/// <summary>
/// The current state of one submission; the history rows tell how it got there. What may happen to it next is in
/// its transitions (SubmissionTransitions.cs).
/// </summary>
public sealed partial record Submission
{
    public required string Id { get; init; }
    public required SubmissionContent Content { get; init; }
    public IReadOnlyList<MediaItem> Media { get; init; } = [];
    public SubmissionStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The stage and round now waiting for a decision; decision links for any other are stale.</summary>
    public Stage? WaitingStage { get; init; }
    public int Round { get; init; }
    public IReadOnlyList<string> WaitingFor { get; init; } = [];
    public DateTimeOffset? Deadline { get; init; }
    public int LastStep { get; init; }

    /// <summary>How the current stage's answers combine (any, all, sequence).</summary>
    public Profiles.DecisionPolicy Policy { get; init; }

    /// <summary>Person keys whose links may decide now: the deciders still to answer, and their backups once escalated.</summary>
    public IReadOnlyList<string> Awaiting { get; init; } = [];

    /// <summary>The answers given so far in the current stage.</summary>
    public IReadOnlyList<StageResponse> Responses { get; init; } = [];

    /// <summary>The workflow version its orchestration runs; records from before versions were kept ran version 1.</summary>
    public int WorkflowVersion { get; init; } = 1;

    /// <summary>While <see cref="SubmissionStatus.WorkflowFailed"/>: the status it had before, where a restart goes on from.</summary>
    public SubmissionStatus? FailedFrom { get; init; }
}

public sealed record StageResponse(string PersonKey, string Name, string Decision, string? Comment, DateTimeOffset At, string? OnBehalfOfName = null);

/// <summary>One append-only row of a submission's history.</summary>
public sealed record HistoryEntry
{
    public required int Step { get; init; }
    public required DateTimeOffset At { get; init; }
    public required SubmissionStatus Status { get; init; }

    /// <summary>Stored and served by its name (<see cref="SubmissionJson"/> writes enums as names).</summary>
    public required HistoryEvent Event { get; init; }
    public string? Actor { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Decision { get; init; }
    public string? Comment { get; init; }
}
