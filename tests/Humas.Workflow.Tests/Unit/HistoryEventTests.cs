using System.Text.Json;
using Humas.Workflow.Submissions;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Unit;

/// <summary>History events are typed in code and named as before in the rows and the tracking JSON.</summary>
public sealed class HistoryEventTests
{
    /// <summary>Every name a history row has ever carried: rows of earlier releases must read, and the names are the HTTP contract.</summary>
    private static readonly string[] StoredNames =
    [
        "Submitted", "ReviewRequested", "ReviewReminder", "ReviewEscalated", "ReviewResponse", "ReviewAccepted", "ReviewExpired",
        "ApprovalRequested", "ApprovalReminder", "ApprovalEscalated", "ApprovalResponse", "Approved", "ApprovalExpired",
        "RevisionAsked", "RevisionRequested", "RevisionReminder", "Revised", "RevisionExpired", "Rejected", "Withdrawn",
        "Scheduled", "Publishing", "Published", "PublicationFailed", "WorkflowFailed", "WorkflowRestarted", "Closed",
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
    public void Every_event_has_its_words_in_both_languages()
    {
        foreach (var e in Enum.GetValues<HistoryEvent>())
        {
            var words = Terms.History(e);
            Assert.NotEqual(e.ToString(), words.Id);
            Assert.False(string.IsNullOrWhiteSpace(words.En), e.ToString());
        }
        Assert.Equal("Dikirim ke peninjau", Terms.History(HistoryEvent.ReviewRequested).In(Lang.Id));
        Assert.Equal("Escalated to the backup", Terms.History(HistoryEvent.ApprovalEscalated).In(Lang.En));
    }
}
