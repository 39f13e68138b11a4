using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>Everything the orchestration needs, fixed at start so that replays see the same durations.</summary>
public sealed record WorkflowInput(string SubmissionId, WorkflowTimings Timings, DateTimeOffset? PublishAt);

public sealed record WorkflowTimings(TimeSpan Review, TimeSpan Approval, TimeSpan Revision);

/// <summary>A decision raised by the endpoint behind an emailed link.</summary>
public sealed record DecisionMade(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName,
    DateTimeOffset At, string? OnBehalfOf = null);

/// <summary>The submitter's revised content, raised by the revise form.</summary>
public sealed record RevisionSubmitted(
    int Round, string Title, string? Summary, string? Body, string? Comment, DateTimeOffset At);

public static class WorkflowEvents
{
    /// <summary>One event name per stage and round, so a stale link can never answer a later round.</summary>
    public static string For(Stage stage, int round) => $"{stage}-{round}";
}

public static class DecisionValues
{
    public const string Accept = "accept";
    public const string Approve = "approve";
    public const string Revise = "revise";
    public const string Reject = "reject";

    public static IReadOnlyList<string> AllowedAt(Stage stage) => stage switch
    {
        Stage.Review => [Accept, Revise, Reject],
        Stage.Approval => [Approve, Revise, Reject],
        _ => [],
    };
}

/// <summary>A state change: the record and one history row, written together.</summary>
public sealed record Transition(
    string SubmissionId, int Step, DateTimeOffset At, SubmissionStatus Status, string Event,
    string? Actor = null, string? OnBehalfOf = null, string? Decision = null, string? Comment = null,
    bool NotifySubmitter = false);

public sealed record DecisionRequest(
    string SubmissionId, int Step, DateTimeOffset At, Stage Stage, int Round, DateTimeOffset Deadline,
    string? Comment = null);

public sealed record RevisionInput(string SubmissionId, int Step, RevisionSubmitted Revision);

public sealed record PublishRequest(string SubmissionId, DateTimeOffset At);

/// <summary>
/// The evidence of one channel's publication: the post id, its public address, when, and what the channel answered.
/// <paramref name="Attempt"/> counts tries (an admin retry adds one); <paramref name="Reason"/> says why a channel failed.
/// </summary>
public sealed record PublicationRecord(
    string Channel, string Status, string? PostId, string? Url, DateTimeOffset At, string? Answer,
    int Attempt = 1, string? Reason = null);

public static class PublicationStatus
{
    public const string Published = "Published";
    public const string NotConfigured = "NotConfigured";
    public const string Failed = "Failed";
}
