using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>Everything the orchestration needs, fixed at start so that replays see the same durations.</summary>
/// <param name="Version">The workflow version the instance runs (<see cref="WorkflowVersions"/>); absent in instances started before versions were kept.</param>
/// <param name="Resume">Where a workflow restarted by staff after a failure takes up the submission; absent for a new one.</param>
public sealed record WorkflowInput(
    string SubmissionId, WorkflowTimings Timings, DateTimeOffset? PublishAt, int? Version = null, WorkflowResume? Resume = null);

/// <summary>The last good state a restarted workflow goes on from: a stage and its round, and the history step it had reached.</summary>
public sealed record WorkflowResume(ResumePoint At, int Round, int Step);

public enum ResumePoint
{
    Review,
    Approval,
    Revision,
    PublishTime,
    Publication,
}

/// <summary>How long each wait lasts; reminders and escalation to the backup come before the deadline.</summary>
public sealed record WorkflowTimings(TimeSpan Review, TimeSpan Approval, TimeSpan Revision, TimeSpan ReminderAfter, TimeSpan EscalateAfter);

/// <summary>A decision raised by the endpoint behind an emailed link; a backup decides on behalf of the one they stand in for.</summary>
public sealed record DecisionMade(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName,
    DateTimeOffset At, string? OnBehalfOf = null, string? OnBehalfOfName = null)
{
    /// <summary>Whose place in the stage this answer fills.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SeatKey => OnBehalfOf ?? PersonKey;
}

/// <summary>The submitter withdrew from the tracking page.</summary>
public sealed record WithdrawalRequested(string By, string? Reason, DateTimeOffset At);

/// <summary>Staff moved a scheduled publication (null: publish now).</summary>
public sealed record ScheduleChanged(DateTimeOffset? PublishAt, string By, DateTimeOffset At);

/// <summary>One person asked to decide, with the backup who stands in when they are away.</summary>
public sealed record Assignee(string Key, string Name, string Email, string? BackupKey = null, string? BackupName = null, string? BackupEmail = null);

/// <summary>Who decides a stage and how their answers combine, after four-eyes.</summary>
public sealed record StageAssignment(DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, IReadOnlyList<string> Skipped);

public sealed record AssignmentRequest(string SubmissionId, Stage Stage);

/// <summary>A first request, a reminder with the same link, or an escalation that adds the backups.</summary>
public enum Notice
{
    Request,
    Reminder,
    Escalation,
}

/// <summary>The submitter's revised content, raised by the revise form.</summary>
public sealed record RevisionSubmitted(
    int Round, string Title, string? Summary, string? Body, string? Comment, DateTimeOffset At);

public static class WorkflowEvents
{
    /// <summary>One event name per stage and round, so a stale link can never answer a later round.</summary>
    public static string For(Stage stage, int round) => $"{stage}-{round}";

    public const string Withdraw = "Withdraw";
    public const string ScheduleChanged = "ScheduleChanged";
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

/// <param name="LinkIssuedAt">When the stage's links were first issued: a reminder repeats the same link.</param>
public sealed record DecisionRequest(
    string SubmissionId, int Step, DateTimeOffset At, Stage Stage, int Round, DateTimeOffset Deadline,
    DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, Notice Notice, DateTimeOffset LinkIssuedAt, string? Comment = null);

/// <summary>One answer under an all or sequence policy, recorded while the stage keeps waiting for the others.</summary>
public sealed record ResponseInput(string SubmissionId, int Step, DecisionMade Response, IReadOnlyList<string> StillWaitingFor);

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
