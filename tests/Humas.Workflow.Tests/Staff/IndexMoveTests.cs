using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>A state change leaves a submission one index row, under its new status, exactly once, retries included.</summary>
public sealed class IndexMoveTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private async Task<Dictionary<SubmissionStatus, int>> StatusRowsAsync(string id)
    {
        var counts = new Dictionary<SubmissionStatus, int>();
        foreach (var status in Enum.GetValues<SubmissionStatus>())
        {
            var n = (await Index.ListAsync(new SubmissionQuery { Status = status, PageSize = SubmissionQuery.MaxPageSize })).Items.Count(x => x.Id == id);
            if (n > 0) counts[status] = n;
        }
        return counts;
    }

    private RecordTransition Activity() => ActivatorUtilities.CreateInstance<RecordTransition>(staff.Services);

    [Fact]
    public async Task The_activity_run_twice_leaves_one_row_under_the_new_status_and_none_under_the_old()
    {
        var s = await staff.AddAsync("Dipindah sekali", DateTimeOffset.UtcNow, state: s => s with { Status = SubmissionStatus.AwaitingApproval });
        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.AwaitingApproval] = 1 }, await StatusRowsAsync(s.Id));

        var move = new Transition(s.Id, 1, DateTimeOffset.UtcNow, SubmissionStatus.Approved, "Approved");
        await Activity().RunAsync(new ActivityRun(s.Id), move);
        await Activity().RunAsync(new ActivityRun(s.Id), move);

        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.Approved] = 1 }, await StatusRowsAsync(s.Id));
        Assert.Single(await Index.IdsInAsync(SubmissionIndex.All), x => x == s.Id);
        var approved = await Index.ListAsync(new SubmissionQuery { Status = SubmissionStatus.Approved });
        Assert.Equal("Approved", Assert.Single(approved.Items, i => i.Id == s.Id).Status);
    }

    [Fact]
    public async Task A_save_cut_off_after_its_transaction_is_finished_by_the_retried_activity()
    {
        var s = await staff.AddAsync("Terputus di tengah", DateTimeOffset.UtcNow);
        var move = new Transition(s.Id, 1, DateTimeOffset.UtcNow, SubmissionStatus.Rejected, "Rejected");

        // The first delivery commits the record and stops before its index rows are written (the worker died).
        var moved = s with { Status = SubmissionStatus.Rejected, UpdatedAt = move.At, LastStep = 1 };
        await staff.Store.CommitAsync(moved, new HistoryEntry { Step = 1, At = move.At, Status = SubmissionStatus.Rejected, Event = HistoryEvent.Rejected });
        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.Submitted] = 1 }, await StatusRowsAsync(s.Id));

        // The engine delivers the activity again; then once more, as at-least-once allows.
        await Activity().RunAsync(new ActivityRun(s.Id), move);
        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.Rejected] = 1 }, await StatusRowsAsync(s.Id));
        await Activity().RunAsync(new ActivityRun(s.Id), move);
        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.Rejected] = 1 }, await StatusRowsAsync(s.Id));
        Assert.Equal(SubmissionStatus.Rejected, (await staff.Store.GetAsync(s.Id))!.Status);
        // Settled: nothing is left for a later save to clean up.
        var marker = await staff.Store.GetMarkerAsync<IndexMarker>(s.Id, IndexMarker.RowKey);
        Assert.Empty(marker!.Stale);
        Assert.Equal([$"{SubmissionIndex.All}|{SubmissionIndex.NewestFirst(s)}"], marker.Current);
    }

    [Fact]
    public async Task An_older_step_delivered_late_does_not_move_the_submission_back()
    {
        var s = await staff.AddAsync("Urutan langkah", DateTimeOffset.UtcNow);
        // Scheduling is allowed from Publishing too (a restarted run may begin with it): only the step keeps it out.
        var first = new Transition(s.Id, 1, DateTimeOffset.UtcNow, SubmissionStatus.Scheduled, "Scheduled");
        var second = new Transition(s.Id, 2, DateTimeOffset.UtcNow, SubmissionStatus.Publishing, "Publishing");
        await Activity().RunAsync(new ActivityRun(s.Id), first);
        await Activity().RunAsync(new ActivityRun(s.Id), second);
        await Activity().RunAsync(new ActivityRun(s.Id), first);
        Assert.Equal(new Dictionary<SubmissionStatus, int> { [SubmissionStatus.Publishing] = 1 }, await StatusRowsAsync(s.Id));
    }

    [Fact]
    public async Task Calendar_rows_follow_the_schedule_and_the_publication_in_WIB_days()
    {
        // 18:00 UTC on 30 June is 01:00 WIB on 1 July: the calendar shows it in July.
        var publishAt = new DateTimeOffset(2025, 6, 30, 18, 0, 0, TimeSpan.Zero);
        var s = await staff.AddAsync("Terjadwal Juli", DateTimeOffset.UtcNow, c => c with { PublishAt = publishAt });
        await Activity().RunAsync(new ActivityRun(s.Id), new Transition(s.Id, 1, DateTimeOffset.UtcNow, SubmissionStatus.Scheduled, "Scheduled"));
        var july = await Index.CalendarAsync("2025-07");
        var row = Assert.Single(july, r => r.Id == s.Id);
        Assert.Equal("scheduled", row.CalendarKind);
        Assert.DoesNotContain(await Index.CalendarAsync("2025-06"), r => r.Id == s.Id);

        var published = new DateTimeOffset(2025, 8, 2, 2, 0, 0, TimeSpan.Zero);
        await Activity().RunAsync(new ActivityRun(s.Id), new Transition(s.Id, 2, published, SubmissionStatus.Publishing, "Publishing"));
        await Activity().RunAsync(new ActivityRun(s.Id), new Transition(s.Id, 3, published, SubmissionStatus.Published, "Published"));
        Assert.DoesNotContain(await Index.CalendarAsync("2025-07"), r => r.Id == s.Id);
        Assert.Equal("published", Assert.Single(await Index.CalendarAsync("2025-08"), r => r.Id == s.Id).CalendarKind);
    }
}
