using System.Runtime.CompilerServices;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Submissions;

/// <summary>
/// The workflow's rules on a submission: every way its state may change, each refused (<see cref="TransitionRefused"/>)
/// from a status it does not belong to. A transition answers the state after it and what its history row says; the
/// store numbers and writes both (<see cref="Storage.SubmissionStore.ApplyAsync"/>), and is where a step applied
/// already is told from a new one.
/// </summary>
/// <remarks>
/// A step that follows another of the same run checks the status that step left. The first step of a run (a stage's
/// request, the schedule, publishing) may begin a workflow staff restarted at the point they chose, so it checks only
/// that the submission is still open. Rules are methods, never properties: the record is stored as its JSON, and a
/// property would add a field to every row.
/// </remarks>
public sealed partial record Submission
{
    /// <summary>Who restarts or closes a stopped workflow, as its history row names them.</summary>
    public const string RestartedBy = "staff";

    public const string ClosedBy = "Tim Humas";

    /// <summary>Asks a stage's deciders; a later group of a sequence is asked in the same stage and round and keeps the answers so far.</summary>
    public SubmissionChange StartStage(
        Stage stage, int round, DateTimeOffset at, DateTimeOffset deadline, DecisionPolicy policy, IReadOnlyList<Assignee> deciders,
        string? comment = null, DateTimeOffset? reminderDueAt = null, DateTimeOffset? escalationDueAt = null)
    {
        // Once approved, nobody is asked to decide on it again.
        Require(!Status.IsFinal() && Status is not (SubmissionStatus.Approved or SubmissionStatus.Scheduled or SubmissionStatus.Publishing), stage);
        var sameStage = WaitingStage == stage && Round == round;
        return new(this with
        {
            Status = stage.WaitingStatus(), UpdatedAt = at, WaitingStage = stage, Round = round, Deadline = deadline, Policy = policy,
            Awaiting = deciders.Select(d => d.Key).ToList(), WaitingFor = deciders.Select(d => d.Name).ToList(),
            Responses = sameStage ? Responses : [], ReminderDueAt = reminderDueAt, EscalationDueAt = escalationDueAt,
        }, StageEvents.Requested(stage), Actor: Names(deciders.Select(d => d.Name)), Comment: comment);
    }

    /// <summary>The same links again, to the deciders who have not answered.</summary>
    public SubmissionChange Remind(Stage stage, DateTimeOffset at, IReadOnlyList<Assignee> pending)
    {
        Require(Status == stage.WaitingStatus(), stage);
        return new(this with { UpdatedAt = at, ReminderDueAt = null }, StageEvents.Reminder(stage), Actor: Names(pending.Select(d => d.Name)));
    }

    /// <summary>The backups of the deciders who have not answered get links of their own; deciders without one are left as they are.</summary>
    public SubmissionChange Escalate(Stage stage, DateTimeOffset at, IReadOnlyList<Assignee> pending)
    {
        Require(stage != Stage.Revision && Status == stage.WaitingStatus(), stage);
        var seats = pending.Where(d => d.BackupKey is not null).ToList();
        return new(this with
        {
            UpdatedAt = at, WaitingFor = [.. WaitingFor, .. seats.Select(d => $"{d.BackupName} (a.n. {d.Name})")], EscalationDueAt = null,
        }, StageEvents.Escalated(stage), Actor: Names(seats.Select(d => d.BackupName!)), OnBehalfOf: Names(seats.Select(d => d.Name)));
    }

    /// <summary>One answer under all or sequence; the stage goes on waiting for <paramref name="stillWaitingFor"/>.</summary>
    public SubmissionChange Respond(Stage stage, string seatKey, StageResponse response, IReadOnlyList<string> stillWaitingFor)
    {
        Require(stage != Stage.Revision && Status == stage.WaitingStatus(), stage);
        return new(this with
        {
            UpdatedAt = response.At,
            Awaiting = Awaiting.Where(k => !string.Equals(k, seatKey, StringComparison.OrdinalIgnoreCase)).ToList(),
            WaitingFor = stillWaitingFor,
            Responses = [.. Responses, response],
        }, StageEvents.Response(stage), response.Name, response.OnBehalfOfName, response.Decision, response.Comment);
    }

    /// <summary>
    /// A decider hands their seat to <paramref name="colleague"/>: the seat's links stop deciding, the colleague's decides
    /// in its place, and reminders and the escalation go to the colleague.
    /// </summary>
    public SubmissionChange HandOn(Stage stage, DateTimeOffset at, string seatKey, string seatName, Assignee colleague, ActedBy by)
    {
        Require(stage != Stage.Revision && Status == stage.WaitingStatus(), stage);
        bool Other(string k) => !string.Equals(k, seatKey, StringComparison.OrdinalIgnoreCase);
        return new(this with
        {
            UpdatedAt = at,
            Awaiting = [.. Awaiting.Where(Other), colleague.Key],
            WaitingFor = [.. WaitingFor.Where(n => n != seatName && !n.EndsWith($"(a.n. {seatName})", StringComparison.Ordinal)), colleague.Name],
        }, StageEvents.HandedOn(stage), by.Actor, by.OnBehalfOf, DecisionValues.Reassign, by.Comment, colleague.Name);
    }

    public SubmissionChange Accept(DateTimeOffset at, ActedBy by)
    {
        Require(Status == SubmissionStatus.InReview);
        return Leave(SubmissionStatus.InReview, at, HistoryEvent.ReviewAccepted, by);
    }

    public SubmissionChange Approve(DateTimeOffset at, ActedBy by)
    {
        Require(Status == SubmissionStatus.AwaitingApproval);
        return Leave(SubmissionStatus.Approved, at, HistoryEvent.Approved, by);
    }

    /// <summary>A reviewer or approver sends it back to the submitter.</summary>
    public SubmissionChange AskForRevision(DateTimeOffset at, ActedBy by)
    {
        Require(Status is SubmissionStatus.InReview or SubmissionStatus.AwaitingApproval);
        return Leave(SubmissionStatus.RevisionRequested, at, HistoryEvent.RevisionAsked, by);
    }

    public SubmissionChange Reject(DateTimeOffset at, ActedBy by)
    {
        Require(Status is SubmissionStatus.InReview or SubmissionStatus.AwaitingApproval);
        return Leave(SubmissionStatus.Rejected, at, HistoryEvent.Rejected, by);
    }

    /// <summary>The submitter's revised text; the next review round reads it.</summary>
    public SubmissionChange Revise(
        DateTimeOffset at, string title, string? summary, string? body, string? comment, IReadOnlyList<MediaText>? media = null,
        string? consentId = null)
    {
        Require(Status == SubmissionStatus.RevisionRequested);
        return new(this with
        {
            Content = Content with { Title = title, Summary = summary, Body = body },
            Media = media is null ? Media : Media.Select((m, i) => i < media.Count
                ? m with { Alt = media[i].Alt ?? m.Alt, Caption = media[i].Caption ?? m.Caption, Minors = media[i].Minors ?? m.Minors, Transcript = media[i].Transcript ?? m.Transcript }
                : m).ToList(),
            Consent = consentId is null ? Consent : new Consent(consentId, Consent?.Document),
            Status = SubmissionStatus.Submitted, UpdatedAt = at, WaitingStage = null, WaitingFor = [], Deadline = null, ReminderDueAt = null, EscalationDueAt = null,
        }, HistoryEvent.Revised, Actor: Content.SubmitterName ?? Content.SubmitterEmail, Comment: comment);
    }

    /// <summary>Nobody answered the stage by its deadline.</summary>
    public SubmissionChange Expire(Stage stage, DateTimeOffset at)
    {
        Require(Status == stage.WaitingStatus(), stage);
        return Leave(SubmissionStatus.Expired, at, StageEvents.Expired(stage));
    }

    public SubmissionChange Withdraw(DateTimeOffset at, ActedBy by)
    {
        Require(Status.CanBeWithdrawn());
        return Leave(SubmissionStatus.Withdrawn, at, HistoryEvent.Withdrawn, by);
    }

    /// <summary>Approved, and held until <paramref name="publishAt"/> (the round-trip text the history row keeps).</summary>
    public SubmissionChange Schedule(DateTimeOffset at, string? publishAt)
    {
        Require(!Status.IsFinal());
        return Leave(SubmissionStatus.Scheduled, at, HistoryEvent.Scheduled, new ActedBy(null, Comment: publishAt));
    }

    /// <summary>A restart at the publication starts it again from Publishing.</summary>
    public SubmissionChange StartPublishing(DateTimeOffset at)
    {
        Require(!Status.IsFinal());
        return Leave(SubmissionStatus.Publishing, at, HistoryEvent.Publishing);
    }

    /// <summary>Published on at least one channel.</summary>
    public SubmissionChange Publish(DateTimeOffset at)
    {
        Require(Status == SubmissionStatus.Publishing);
        return Leave(SubmissionStatus.Published, at, HistoryEvent.Published);
    }

    /// <summary>Published on no channel at all.</summary>
    public SubmissionChange FailPublication(DateTimeOffset at)
    {
        Require(Status == SubmissionStatus.Publishing);
        return Leave(SubmissionStatus.PublicationFailed, at, HistoryEvent.PublicationFailed);
    }

    /// <summary>
    /// Its workflow instance failed or was terminated: whatever it had reached, even an end, is kept in
    /// <see cref="FailedFrom"/> for staff to restart from or close.
    /// </summary>
    public SubmissionChange Fail(DateTimeOffset at)
    {
        Require(Status is not (SubmissionStatus.WorkflowFailed or SubmissionStatus.Closed));
        return new(this with
        {
            Status = SubmissionStatus.WorkflowFailed, FailedFrom = Status, UpdatedAt = at,
            WaitingStage = null, WaitingFor = [], Awaiting = [], Deadline = null, ReminderDueAt = null, EscalationDueAt = null,
        }, HistoryEvent.WorkflowFailed);
    }

    /// <summary>
    /// The status a restart goes on from: the one it had when its workflow stopped, or its status itself when the stop
    /// has not been noticed on the record yet.
    /// </summary>
    public SubmissionStatus ResumesAs() => FailedFrom ?? Status;

    /// <summary>Back to the status it stopped in, on the workflow version that goes on with it.</summary>
    public SubmissionChange Restart(DateTimeOffset at, int workflowVersion)
    {
        var resumes = ResumesAs();
        Require(Status != SubmissionStatus.Closed && !resumes.IsFinal() && resumes != SubmissionStatus.WorkflowFailed);
        return new(this with { Status = resumes, FailedFrom = null, UpdatedAt = at, WorkflowVersion = workflowVersion },
            HistoryEvent.WorkflowRestarted, Actor: RestartedBy);
    }

    /// <summary>Staff end it, with the reason the submitter is told.</summary>
    public SubmissionChange Close(DateTimeOffset at, string reason)
    {
        Require(Status != SubmissionStatus.Closed);
        return new(this with { Status = SubmissionStatus.Closed, UpdatedAt = at }, HistoryEvent.Closed, Actor: ClosedBy, Comment: reason);
    }

    /// <summary>One channel's part of a takedown, recorded while the item is still published elsewhere.</summary>
    public SubmissionChange RecordTakedownStep(DateTimeOffset at, string channel, string done)
    {
        Require(Status == SubmissionStatus.Published);
        return new(this with { UpdatedAt = at }, HistoryEvent.TakedownStep, Decision: channel, Comment: done);
    }

    /// <summary>A published item taken down, with the reason (a withdrawn consent, or staff's own).</summary>
    public SubmissionChange TakeDown(DateTimeOffset at, string reason, string by)
    {
        Require(Status == SubmissionStatus.Published);
        return new(this with { Status = SubmissionStatus.TakenDown, UpdatedAt = at }, HistoryEvent.TakenDown, Actor: by, Comment: reason);
    }

    /// <summary>A stage ends (or the submission leaves every stage): nobody is waited for any more.</summary>
    private SubmissionChange Leave(SubmissionStatus status, DateTimeOffset at, HistoryEvent @event, ActedBy? by = null) =>
        new(this with { Status = status, UpdatedAt = at, WaitingStage = null, WaitingFor = [], Awaiting = [], Deadline = null, ReminderDueAt = null, EscalationDueAt = null }, @event, by);

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private void Require(bool allowed, Stage? stage = null, [CallerMemberName] string transition = "")
    {
        if (!allowed) throw new TransitionRefused(Id, Status, stage is null ? transition : $"{transition} ({stage})");
    }
}
