using System.Text.Json;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Submissions;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Unit;

/// <summary>History events are typed in code and named as before in the rows, the tracking JSON and the activity inputs.</summary>
public sealed class HistoryEventTests
{
    /// <summary>Every name a history row has ever carried: rows of earlier releases must read, and the names are the HTTP contract.</summary>
    private static readonly string[] StoredNames =
    [
        "Submitted", "ReviewRequested", "ReviewReminder", "ReviewEscalated", "ReviewResponse", "ReviewAccepted", "ReviewExpired",
        "ApprovalRequested", "ApprovalReminder", "ApprovalEscalated", "ApprovalResponse", "Approved", "ApprovalExpired",
        "RevisionAsked", "RevisionRequested", "RevisionReminder", "Revised", "RevisionExpired", "Rejected", "Withdrawn",
        "Scheduled", "Publishing", "Published", "PublicationFailed", "WorkflowFailed", "WorkflowRestarted", "Closed",
        "ReviewHandedOn", "ApprovalHandedOn", "ChannelWaiting",
        "TakedownStep", "TakenDown",
    ];

    [Fact]
    public void Every_event_is_named_as_the_rows_name_it()
    {
        Assert.Equal(StoredNames.Order(), Enum.GetNames<HistoryEvent>().Order());
    }

    [Fact]
    public void A_row_written_before_the_events_were_typed_reads_and_writes_back_byte_for_byte()
    {
        const string stored =
            """{"step":3,"at":"2026-11-28T08:00:00+00:00","status":"InReview","event":"ReviewEscalated","actor":"Wakil Redaktur Humas","onBehalfOf":"Redaktur Humas"}""";
        var entry = JsonSerializer.Deserialize<HistoryEntry>(stored, SubmissionJson.Options)!;
        Assert.Equal(HistoryEvent.ReviewEscalated, entry.Event);
        Assert.Equal(stored, JsonSerializer.Serialize(entry, SubmissionJson.Options));
    }

    [Theory]
    [InlineData(Stage.Review)]
    [InlineData(Stage.Approval)]
    [InlineData(Stage.Revision)]
    public void The_events_of_a_stage_are_the_names_the_activities_made_from_it(Stage stage)
    {
        Assert.Equal($"{stage}Requested", StageEvents.Requested(stage).ToString());
        Assert.Equal($"{stage}Reminder", StageEvents.Reminder(stage).ToString());
        Assert.Equal($"{stage}Expired", StageEvents.Expired(stage).ToString());
        if (stage == Stage.Revision) return;
        Assert.Equal($"{stage}Escalated", StageEvents.Escalated(stage).ToString());
        Assert.Equal($"{stage}Response", StageEvents.Response(stage).ToString());
    }

    [Fact]
    public void The_tracking_page_tells_a_link_sent_from_an_act_and_a_response_by_the_event()
    {
        foreach (var e in Enum.GetValues<HistoryEvent>())
        {
            var name = e.ToString();
            Assert.Equal(name.EndsWith("Requested") || name.EndsWith("Reminder") || name.EndsWith("Escalated"), e.IsNotice());
            Assert.Equal(name.EndsWith("Response"), e.IsResponse());
        }
    }

    [Fact]
    public void An_event_reads_as_the_tracking_page_said_it_before()
    {
        Assert.Equal("Dikirim ke peninjau", Terms.History(HistoryEvent.ReviewRequested).In(Lang.Id));
        Assert.Equal("Escalated to the backup", Terms.History(HistoryEvent.ApprovalEscalated).In(Lang.En));
    }

    // What the orchestration sends RecordTransition: the event by name, the status it leads to, and who acted.

    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Transition Sent(SubmissionStatus to, string name, string? actor = null, string? onBehalfOf = null, string? decision = null, string? comment = null) =>
        new("20261128-abc", 5, At, to, name, actor, onBehalfOf, decision, comment);

    public static TheoryData<SubmissionStatus, Transition> Recorded => new()
    {
        { SubmissionStatus.InReview, Sent(SubmissionStatus.InReview, "ReviewAccepted", "Dewi", "Eko", "accept", "Rapi") },
        { SubmissionStatus.AwaitingApproval, Sent(SubmissionStatus.Approved, "Approved", "Kabag, Kepala", decision: "approve") },
        { SubmissionStatus.InReview, Sent(SubmissionStatus.RevisionRequested, "RevisionAsked", "Dewi", decision: "revise", comment: "Judul") },
        { SubmissionStatus.AwaitingApproval, Sent(SubmissionStatus.Rejected, "Rejected", "Kabag", "Kepala", "reject", "Tidak") },
        { SubmissionStatus.RevisionRequested, Sent(SubmissionStatus.Withdrawn, "Withdrawn", "Ani", decision: "withdraw", comment: "Salah") },
        { SubmissionStatus.InReview, Sent(SubmissionStatus.Expired, "ReviewExpired") },
        { SubmissionStatus.AwaitingApproval, Sent(SubmissionStatus.Expired, "ApprovalExpired") },
        { SubmissionStatus.RevisionRequested, Sent(SubmissionStatus.Expired, "RevisionExpired") },
        { SubmissionStatus.Approved, Sent(SubmissionStatus.Scheduled, "Scheduled", comment: "2026-12-01T02:00:00.0000000+00:00") },
        { SubmissionStatus.Scheduled, Sent(SubmissionStatus.Publishing, "Publishing") },
        { SubmissionStatus.Publishing, Sent(SubmissionStatus.Published, "Published") },
        { SubmissionStatus.Publishing, Sent(SubmissionStatus.PublicationFailed, "PublicationFailed") },
    };

    private static Submission In(SubmissionStatus status) => new()
    {
        Id = "20261128-abc", Status = status, WaitingStage = Stage.Review, Awaiting = ["reviewer"], WaitingFor = ["Redaktur Humas"],
        Content = new SubmissionContent { Title = "Lokakarya", ContentType = "news", Channels = ["website"], Track = "internal", SubmitterEmail = "ani@example.org" },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Each_event_the_orchestration_records_is_its_transition_and_writes_the_row_it_wrote_before(SubmissionStatus from, Transition t)
    {
        var change = RecordTransition.Change(In(from), t);

        // The row as the activity wrote it when it copied its input.
        var before = $$"""{"step":5,"at":"2026-11-28T09:00:00+00:00","status":"{{t.Status}}","event":"{{t.Event}}"{{Field("actor", t.Actor)}}{{Field("onBehalfOf", t.OnBehalfOf)}}{{Field("decision", t.Decision)}}{{Field("comment", t.Comment)}}}""";
        Assert.Equal(before, JsonSerializer.Serialize(change.Entry(5), SubmissionJson.Options));
        Assert.Equal(t.Status, change.After.Status);
        Assert.Equal(At, change.After.UpdatedAt);
        Assert.Null(change.After.WaitingStage);
        Assert.Empty(change.After.Awaiting);
    }

    private static string Field(string name, string? value) => value is null ? "" : $",\"{name}\":{JsonSerializer.Serialize(value, SubmissionJson.Options)}";

    [Fact]
    public void A_transition_whose_status_is_not_where_its_event_leads_or_that_is_no_transition_is_refused()
    {
        var at = DateTimeOffset.UtcNow;
        Assert.Throws<ArgumentException>(() => RecordTransition.Change(In(SubmissionStatus.AwaitingApproval),
            new Transition("20261128-abc", 5, at, SubmissionStatus.Published, "Approved")));
        Assert.Throws<ArgumentException>(() => RecordTransition.Change(In(SubmissionStatus.InReview),
            new Transition("20261128-abc", 5, at, SubmissionStatus.InReview, "ReviewRequested")));
        Assert.Throws<TransitionRefused>(() => RecordTransition.Change(In(SubmissionStatus.Expired),
            new Transition("20261128-abc", 5, at, SubmissionStatus.Approved, "Approved")));
    }
}
