using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Unit;

/// <summary>The workflow's rules on a submission: what each transition makes of it, and what it refuses.</summary>
public sealed class SubmissionTransitionTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = Created.AddHours(2);
    private static readonly DateTimeOffset Deadline = At.AddDays(3);

    private static readonly Assignee Reviewer = new("reviewer", "Redaktur Humas", "redaktur@example.org", "reviewer-backup", "Wakil Redaktur Humas", "wakil@example.org");
    private static readonly Assignee Head = new("head", "Kepala BBPMP", "kepala@example.org");
    private static readonly ActedBy Decider = new("Redaktur Humas", "Kepala Bagian Umum", DecisionValues.Accept, "Rapi");

    private static Submission In(SubmissionStatus status, Func<Submission, Submission>? more = null)
    {
        var s = new Submission
        {
            Id = "20261128-abc",
            Content = new SubmissionContent
            {
                Title = "Lokakarya", Summary = "Ringkas", Body = "Isi", ContentType = "news", Channels = ["website"], Track = "internal",
                SubmitterName = "Ani Wulandari", SubmitterEmail = "ani@example.org",
            },
            Status = status, CreatedAt = Created, UpdatedAt = Created, LastStep = 4,
        };
        return more?.Invoke(s) ?? s;
    }

    /// <summary>Waiting in a stage, as its request left it.</summary>
    private static Submission Waiting(Stage stage) => In(stage.WaitingStatus(), s => s with
    {
        WaitingStage = stage, Round = 1, Deadline = Deadline, Policy = DecisionPolicy.All,
        Awaiting = ["reviewer", "head"], WaitingFor = ["Redaktur Humas", "Kepala BBPMP"],
    });

    private static void LeftEveryStage(Submission s)
    {
        Assert.Null(s.WaitingStage);
        Assert.Empty(s.WaitingFor);
        Assert.Empty(s.Awaiting);
        Assert.Null(s.Deadline);
    }

    // The stages

    [Fact]
    public void Starting_a_stage_waits_for_its_deciders_until_the_deadline_and_names_them_in_the_history()
    {
        var change = In(SubmissionStatus.Submitted).StartStage(Stage.Review, 1, At, Deadline, DecisionPolicy.Any, [Reviewer, Head], "Tolong cepat");

        var s = change.After;
        Assert.Equal(SubmissionStatus.InReview, s.Status);
        Assert.Equal((Stage.Review, 1, Deadline, DecisionPolicy.Any), (s.WaitingStage!.Value, s.Round, s.Deadline!.Value, s.Policy));
        Assert.Equal(["reviewer", "head"], s.Awaiting);
        Assert.Equal(["Redaktur Humas", "Kepala BBPMP"], s.WaitingFor);
        Assert.Equal(At, s.UpdatedAt);
        Assert.Equal(HistoryEvent.ReviewRequested, change.Event);
        Assert.Equal("Redaktur Humas, Kepala BBPMP", change.Actor);
        Assert.Equal("Tolong cepat", change.Comment);
    }

    [Theory]
    [InlineData(SubmissionStatus.InReview, Stage.Approval, SubmissionStatus.AwaitingApproval, HistoryEvent.ApprovalRequested)]
    [InlineData(SubmissionStatus.RevisionRequested, Stage.Revision, SubmissionStatus.RevisionRequested, HistoryEvent.RevisionRequested)]
    [InlineData(SubmissionStatus.WorkflowFailed, Stage.Approval, SubmissionStatus.AwaitingApproval, HistoryEvent.ApprovalRequested)]
    public void A_stage_starts_from_where_the_workflow_stands_or_where_a_restart_begins(
        SubmissionStatus from, Stage stage, SubmissionStatus waiting, HistoryEvent requested)
    {
        var change = In(from).StartStage(stage, 2, At, Deadline, DecisionPolicy.Any, [Head]);
        Assert.Equal(waiting, change.After.Status);
        Assert.Equal(requested, change.Event);
    }

    [Fact]
    public void The_next_decider_of_a_sequence_keeps_the_answers_given_and_a_new_stage_or_round_starts_without_them()
    {
        var answered = Waiting(Stage.Approval) with { Responses = [new StageResponse("reviewer", "Redaktur Humas", DecisionValues.Approve, null, At)] };
        Assert.Single(answered.StartStage(Stage.Approval, 1, At, Deadline, DecisionPolicy.Sequence, [Head]).After.Responses);
        Assert.Empty(answered.StartStage(Stage.Approval, 2, At, Deadline, DecisionPolicy.Sequence, [Head]).After.Responses);
        Assert.Empty(answered.StartStage(Stage.Review, 1, At, Deadline, DecisionPolicy.Sequence, [Head]).After.Responses);
    }

    [Fact]
    public void A_reminder_changes_nothing_but_the_time_and_names_who_is_reminded()
    {
        var waiting = Waiting(Stage.Review);
        var change = waiting.Remind(Stage.Review, At, [Head]);
        Assert.Equal(waiting with { UpdatedAt = At }, change.After);
        Assert.Equal(HistoryEvent.ReviewReminder, change.Event);
        Assert.Equal("Kepala BBPMP", change.Actor);
    }

    [Fact]
    public void An_escalation_adds_the_backups_on_behalf_of_their_deciders_and_skips_deciders_without_one()
    {
        var change = Waiting(Stage.Review).Escalate(Stage.Review, At, [Reviewer, Head]);
        Assert.Equal(["Redaktur Humas", "Kepala BBPMP", "Wakil Redaktur Humas (a.n. Redaktur Humas)"], change.After.WaitingFor);
        Assert.Equal(HistoryEvent.ReviewEscalated, change.Event);
        Assert.Equal(("Wakil Redaktur Humas", "Redaktur Humas"), (change.Actor, change.OnBehalfOf));
    }

    [Fact]
    public void A_response_takes_its_seat_out_of_the_waiting_and_is_kept_with_the_stage()
    {
        var response = new StageResponse("reviewer-backup", "Wakil Redaktur Humas", DecisionValues.Approve, "Setuju", At, "Redaktur Humas");
        var change = Waiting(Stage.Approval).Respond(Stage.Approval, "REVIEWER", response, ["Kepala BBPMP"]);

        Assert.Equal(["head"], change.After.Awaiting);
        Assert.Equal(["Kepala BBPMP"], change.After.WaitingFor);
        Assert.Equal([response], change.After.Responses);
        Assert.Equal(SubmissionStatus.AwaitingApproval, change.After.Status);
        Assert.Equal(new SubmissionChange(change.After, HistoryEvent.ApprovalResponse, "Wakil Redaktur Humas", "Redaktur Humas", DecisionValues.Approve, "Setuju"), change);
    }

    // Decisions

    [Fact]
    public void Accepting_the_review_leaves_it_in_review_until_the_approval_is_asked()
    {
        var change = Waiting(Stage.Review).Accept(At, Decider);
        Assert.Equal(SubmissionStatus.InReview, change.After.Status);
        LeftEveryStage(change.After);
        Assert.Equal(new SubmissionChange(change.After, HistoryEvent.ReviewAccepted, Decider), change);
    }

    [Fact]
    public void Approving_ends_the_approval()
    {
        var change = Waiting(Stage.Approval).Approve(At, Decider);
        Assert.Equal(SubmissionStatus.Approved, change.After.Status);
        LeftEveryStage(change.After);
        Assert.Equal(HistoryEvent.Approved, change.Event);
    }

    [Theory]
    [InlineData(Stage.Review)]
    [InlineData(Stage.Approval)]
    public void A_reviewer_or_an_approver_asks_for_a_revision_or_rejects(Stage stage)
    {
        var asked = Waiting(stage).AskForRevision(At, Decider with { Decision = DecisionValues.Revise });
        Assert.Equal((SubmissionStatus.RevisionRequested, HistoryEvent.RevisionAsked), (asked.After.Status, asked.Event));
        LeftEveryStage(asked.After);

        var rejected = Waiting(stage).Reject(At, Decider with { Decision = DecisionValues.Reject });
        Assert.Equal((SubmissionStatus.Rejected, HistoryEvent.Rejected, DecisionValues.Reject), (rejected.After.Status, rejected.Event, rejected.Decision));
    }

    [Fact]
    public void A_revision_replaces_the_text_and_goes_back_to_be_reviewed()
    {
        var change = Waiting(Stage.Revision).Revise(At, "Judul baru", null, "Isi baru", "Sudah diperbaiki");
        Assert.Equal(("Judul baru", null, "Isi baru"), (change.After.Content.Title, change.After.Content.Summary, change.After.Content.Body));
        Assert.Equal(SubmissionStatus.Submitted, change.After.Status);
        Assert.Null(change.After.WaitingStage);
        Assert.Equal((HistoryEvent.Revised, "Ani Wulandari", "Sudah diperbaiki"), (change.Event, change.Actor, change.Comment));
    }

    [Theory]
    [InlineData(Stage.Review, HistoryEvent.ReviewExpired)]
    [InlineData(Stage.Approval, HistoryEvent.ApprovalExpired)]
    [InlineData(Stage.Revision, HistoryEvent.RevisionExpired)]
    public void A_stage_nobody_answers_expires(Stage stage, HistoryEvent expired)
    {
        var change = Waiting(stage).Expire(stage, At);
        Assert.Equal(SubmissionStatus.Expired, change.After.Status);
        LeftEveryStage(change.After);
        Assert.Equal(new SubmissionChange(change.After, expired), change);
    }

    [Theory]
    [InlineData(SubmissionStatus.Submitted)]
    [InlineData(SubmissionStatus.InReview)]
    [InlineData(SubmissionStatus.RevisionRequested)]
    [InlineData(SubmissionStatus.AwaitingApproval)]
    [InlineData(SubmissionStatus.Scheduled)]
    public void The_submitter_withdraws_until_it_is_published(SubmissionStatus from)
    {
        var change = In(from).Withdraw(At, new ActedBy("Ani Wulandari", Decision: "withdraw", Comment: "Salah unggah"));
        Assert.Equal((SubmissionStatus.Withdrawn, HistoryEvent.Withdrawn, "Salah unggah"), (change.After.Status, change.Event, change.Comment));
    }

    // Publication

    [Theory]
    [InlineData(SubmissionStatus.Approved)]
    [InlineData(SubmissionStatus.Scheduled)]
    public void An_approved_submission_is_scheduled_with_its_publish_time_in_the_history(SubmissionStatus from)
    {
        var change = In(from).Schedule(At, "2026-12-01T02:00:00.0000000+00:00");
        Assert.Equal(SubmissionStatus.Scheduled, change.After.Status);
        Assert.Equal((HistoryEvent.Scheduled, null, "2026-12-01T02:00:00.0000000+00:00"), (change.Event, change.Actor, change.Comment));
    }

    [Theory]
    [InlineData(SubmissionStatus.Approved)]
    [InlineData(SubmissionStatus.Scheduled)]
    [InlineData(SubmissionStatus.Publishing)]
    public void Publishing_starts_once_approved_or_at_its_time_or_again_after_a_restart(SubmissionStatus from)
    {
        var change = In(from).StartPublishing(At);
        Assert.Equal((SubmissionStatus.Publishing, HistoryEvent.Publishing), (change.After.Status, change.Event));
    }

    [Fact]
    public void Publishing_ends_published_or_failed()
    {
        var publishing = In(SubmissionStatus.Publishing);
        Assert.Equal((SubmissionStatus.Published, HistoryEvent.Published), (publishing.Publish(At).After.Status, publishing.Publish(At).Event));
        Assert.Equal((SubmissionStatus.PublicationFailed, HistoryEvent.PublicationFailed),
            (publishing.FailPublication(At).After.Status, publishing.FailPublication(At).Event));
    }

    // Stopped workflows

    [Fact]
    public void A_stopped_workflow_keeps_the_status_it_stopped_in_and_waits_for_nobody()
    {
        var change = Waiting(Stage.Approval).Fail(At);
        Assert.Equal((SubmissionStatus.WorkflowFailed, SubmissionStatus.AwaitingApproval), (change.After.Status, change.After.FailedFrom!.Value));
        LeftEveryStage(change.After);
        Assert.Equal(new SubmissionChange(change.After, HistoryEvent.WorkflowFailed), change);
        // A workflow may fail after its end too (the end is kept, and staff can close it).
        Assert.Equal(SubmissionStatus.Published, In(SubmissionStatus.Published).Fail(At).After.FailedFrom);
    }

    [Fact]
    public void A_restart_goes_back_to_the_status_it_stopped_in_on_the_current_version()
    {
        var failed = Waiting(Stage.Approval).Fail(At).After;
        var change = failed.Restart(At.AddHours(1), workflowVersion: 3);
        Assert.Equal(SubmissionStatus.AwaitingApproval, change.After.Status);
        Assert.Null(change.After.FailedFrom);
        Assert.Equal(3, change.After.WorkflowVersion);
        Assert.Equal((HistoryEvent.WorkflowRestarted, Submission.RestartedBy), (change.Event, change.Actor));
        // The watcher may not have marked it yet: it goes on from its status as it is.
        Assert.Equal(SubmissionStatus.InReview, In(SubmissionStatus.InReview).Restart(At, 1).After.Status);
    }

    [Fact]
    public void Staff_close_a_stopped_workflow_with_a_reason()
    {
        var change = Waiting(Stage.Review).Fail(At).After.Close(At.AddHours(1), "Duplikat");
        Assert.Equal(SubmissionStatus.Closed, change.After.Status);
        Assert.Equal((HistoryEvent.Closed, Submission.ClosedBy, "Duplikat"), (change.Event, change.Actor, change.Comment));
    }

    [Fact]
    public void The_history_row_carries_the_step_with_the_time_and_status_of_the_state_after()
    {
        var change = Waiting(Stage.Review).Reject(At, Decider);
        Assert.Equal(new HistoryEntry
        {
            Step = 7, At = At, Status = SubmissionStatus.Rejected, Event = HistoryEvent.Rejected,
            Actor = "Redaktur Humas", OnBehalfOf = "Kepala Bagian Umum", Decision = DecisionValues.Accept, Comment = "Rapi",
        }, change.Entry(7));
        Assert.Equal(4, change.After.LastStep); // numbered by the store, not by the rule
    }

    // What is refused

    public static TheoryData<string, SubmissionStatus, Func<Submission, SubmissionChange>> Refused => new()
    {
        { "accepting an expired review", SubmissionStatus.Expired, s => s.Accept(At, Decider) },
        { "approving an expired submission", SubmissionStatus.Expired, s => s.Approve(At, Decider) },
        { "rejecting a withdrawn submission", SubmissionStatus.Withdrawn, s => s.Reject(At, Decider) },
        { "asking a published submission for a revision", SubmissionStatus.Published, s => s.AskForRevision(At, Decider) },
        { "revising a published submission", SubmissionStatus.Published, s => s.Revise(At, "Baru", null, null, null) },
        { "revising before a revision is asked", SubmissionStatus.InReview, s => s.Revise(At, "Baru", null, null, null) },
        { "approving what is still in review", SubmissionStatus.InReview, s => s.Approve(At, Decider) },
        { "accepting a review during the approval", SubmissionStatus.AwaitingApproval, s => s.Accept(At, Decider) },
        { "rejecting what waits for a revision", SubmissionStatus.RevisionRequested, s => s.Reject(At, Decider) },
        { "reminding the reviewer during the approval", SubmissionStatus.AwaitingApproval, s => s.Remind(Stage.Review, At, [Reviewer]) },
        { "escalating a revision", SubmissionStatus.RevisionRequested, s => s.Escalate(Stage.Revision, At, [Reviewer]) },
        { "a response to a revision", SubmissionStatus.RevisionRequested, s => s.Respond(Stage.Revision, "submitter", new StageResponse("submitter", "Ani", "revised", null, At), []) },
        { "a response to a stage that ended", SubmissionStatus.Rejected, s => s.Respond(Stage.Approval, "head", new StageResponse("head", "Kepala", DecisionValues.Approve, null, At), []) },
        { "expiring a review during the approval", SubmissionStatus.AwaitingApproval, s => s.Expire(Stage.Review, At) },
        { "expiring a published submission", SubmissionStatus.Published, s => s.Expire(Stage.Approval, At) },
        { "asking for a review once approved", SubmissionStatus.Approved, s => s.StartStage(Stage.Review, 2, At, Deadline, DecisionPolicy.Any, [Reviewer]) },
        { "asking for an approval while publishing", SubmissionStatus.Publishing, s => s.StartStage(Stage.Approval, 1, At, Deadline, DecisionPolicy.Any, [Head]) },
        { "asking for a review of a rejected submission", SubmissionStatus.Rejected, s => s.StartStage(Stage.Review, 2, At, Deadline, DecisionPolicy.Any, [Reviewer]) },
        { "withdrawing an approved submission being published", SubmissionStatus.Publishing, s => s.Withdraw(At, Decider) },
        { "withdrawing a published submission", SubmissionStatus.Published, s => s.Withdraw(At, Decider) },
        { "scheduling a withdrawn submission", SubmissionStatus.Withdrawn, s => s.Schedule(At, null) },
        { "publishing a rejected submission", SubmissionStatus.Rejected, s => s.StartPublishing(At) },
        { "publishing before publishing started", SubmissionStatus.Scheduled, s => s.Publish(At) },
        { "failing a publication twice", SubmissionStatus.PublicationFailed, s => s.FailPublication(At) },
        { "marking a failure twice", SubmissionStatus.WorkflowFailed, s => s.Fail(At) },
        { "marking a closed submission failed", SubmissionStatus.Closed, s => s.Fail(At) },
        { "restarting a closed submission", SubmissionStatus.Closed, s => s.Restart(At, 1) },
        { "restarting what had ended", SubmissionStatus.Rejected, s => s.Restart(At, 1) },
        { "closing twice", SubmissionStatus.Closed, s => s.Close(At, "lagi") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_transition_the_status_does_not_allow_is_refused(string what, SubmissionStatus status, Func<Submission, SubmissionChange> transition)
    {
        var refused = Assert.Throws<TransitionRefused>(() => transition(In(status)));
        Assert.True(refused.Status == status && refused.SubmissionId == "20261128-abc", what);
        Assert.Contains(status.ToString(), refused.Message);
    }

    [Fact]
    public void A_stopped_workflow_that_had_ended_has_nothing_to_restart_from()
    {
        var failedAfterPublishing = In(SubmissionStatus.Published).Fail(At).After;
        var refused = Assert.Throws<TransitionRefused>(() => failedAfterPublishing.Restart(At, 1));
        Assert.Equal("Restart", refused.Transition);
        // It can still be closed.
        Assert.Equal(SubmissionStatus.Closed, failedAfterPublishing.Close(At, "Sudah terbit").After.Status);
    }
}
