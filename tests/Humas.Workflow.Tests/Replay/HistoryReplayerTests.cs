using Azure.Data.Tables;

namespace Humas.Workflow.Tests.Replay;

/// <summary>The replayer must see a history that the code would not produce, and say where.</summary>
public sealed class HistoryReplayerTests
{
    // The wait that comes first, so that these tests stay about the replayer while a change to later stages is judged
    // by the replay tests of the other fixtures.
    private const string Fixture = "v1/review.json";

    private static List<TableEntity> Rows() => [.. HistoryRows.Load(Path.Combine(ReplayTests.Folder, Fixture))];

    private static TableEntity Last(List<TableEntity> rows, string eventType) =>
        rows.Last(r => r.GetString("EventType") == eventType);

    [Fact]
    public void An_activity_the_code_does_not_call_is_reported_with_its_event_id_and_both_names()
    {
        var rows = Rows();
        var unaltered = HistoryReplayer.Replay(Fixture, rows);
        Assert.True(unaltered.Passed, unaltered.Failure);
        var scheduled = Last(rows, "TaskScheduled");
        var name = scheduled.GetString("Name");
        scheduled["Name"] = "RenamedActivity";

        var report = HistoryReplayer.Replay(Fixture, rows);

        Assert.False(report.Passed);
        var id = scheduled.GetInt32("EventId");
        Assert.Contains(Fixture, report.Failure);
        Assert.Contains($"first difference at event #{id} TaskScheduled: recorded #{id} TaskScheduled 'RenamedActivity', replay produced #{id} TaskScheduled '{name}'", report.Failure);
    }

    [Fact]
    public void A_timer_that_fires_at_another_time_is_reported()
    {
        var rows = Rows();
        var timer = Last(rows, "TimerCreated");
        timer["FireAt"] = timer.GetDateTimeOffset("FireAt")!.Value.AddMinutes(1);

        var report = HistoryReplayer.Replay(Fixture, rows);

        Assert.False(report.Passed);
        Assert.Contains($"first difference at event #{timer.GetInt32("EventId")} TimerCreated", report.Failure);
    }

    [Fact]
    public void A_history_with_an_extra_action_is_reported_as_nothing_produced()
    {
        var rows = Rows();
        var timer = Last(rows, "TimerCreated");
        var extra = new TableEntity(timer) { RowKey = timer.RowKey + "x" };
        extra["EventId"] = 999;
        rows.Add(extra);

        var report = HistoryReplayer.Replay(Fixture, rows);

        Assert.False(report.Passed);
        Assert.Contains("first difference at event #999 TimerCreated", report.Failure);
        Assert.Contains("replay produced nothing more", report.Failure);
    }

    [Fact]
    public void A_row_that_needs_a_blob_is_refused()
    {
        var rows = Rows();
        Last(rows, "TaskScheduled")["InputBlobName"] = "some-blob";

        var report = HistoryReplayer.Replay(Fixture, rows);

        Assert.False(report.Passed);
        Assert.Contains("blob some-blob", report.Failure);
    }
}
