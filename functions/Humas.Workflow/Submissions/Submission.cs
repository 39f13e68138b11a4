namespace Humas.Workflow.Submissions;

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

    /// <summary>When the current stage's reminder falls due, where the workflow planned it on the working calendar (version 3).</summary>
    public DateTimeOffset? ReminderDueAt { get; init; }

    /// <summary>When the current stage escalates to the backups, where the workflow planned it on the working calendar (version 3).</summary>
    public DateTimeOffset? EscalationDueAt { get; init; }
}
