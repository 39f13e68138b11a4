using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>Submissions stored before the index existed join the staff list once, at the next start.</summary>
public sealed class IndexBackfillTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private IndexBackfill Backfill => ActivatorUtilities.CreateInstance<IndexBackfill>(staff.Services);

    /// <summary>Leaves a submission as the app stored it before the index: record and history, no marker, no index rows.</summary>
    private async Task<Submission> AddUnindexedAsync(string title, SubmissionStatus status)
    {
        var s = await staff.AddAsync(title, DateTimeOffset.UtcNow, state: x => x with { Status = status });
        var marker = await staff.Store.GetMarkerAsync<IndexMarker>(s.Id, IndexMarker.RowKey);
        await Index.RemoveAsync(marker!);
        await staff.Store.RemoveMarkerAsync(s.Id, IndexMarker.RowKey);
        Assert.DoesNotContain(s.Id, await Index.IdsInAsync(SubmissionIndex.All));
        return s;
    }

    private async Task<int> RowsOfAsync(string id, string partition) => (await Index.IdsInAsync(partition)).Count(x => x == id);

    [Fact]
    public async Task Earlier_submissions_get_their_rows_once_and_indexed_ones_are_left_alone()
    {
        var old = await AddUnindexedAsync("Berita lama sebelum indeks", SubmissionStatus.Published);
        var current = await staff.AddAsync("Berita baru dengan indeks", DateTimeOffset.UtcNow);
        var currentMarker = await staff.Store.GetMarkerAsync<IndexMarker>(current.Id, IndexMarker.RowKey);

        Assert.True(await Backfill.RunAsync() >= 1);

        Assert.Equal(1, await RowsOfAsync(old.Id, SubmissionIndex.All));
        Assert.Single((await Index.ListAsync(new SubmissionQuery { Month = SubmissionIndex.MonthOf(old.CreatedAt), PageSize = SubmissionQuery.MaxPageSize })).Items,
            i => i.Id == old.Id);
        var page = await Index.ListAsync(new SubmissionQuery { Status = SubmissionStatus.Published });
        Assert.Equal("Berita lama sebelum indeks", Assert.Single(page.Items, i => i.Id == old.Id).Title);
        Assert.Equivalent(currentMarker, await staff.Store.GetMarkerAsync<IndexMarker>(current.Id, IndexMarker.RowKey));
        Assert.Equal(1, await RowsOfAsync(current.Id, SubmissionIndex.All));

        // Done once per storage account: a later start reads no records, even if one lost its rows meanwhile.
        var later = await AddUnindexedAsync("Hilang setelah pengisian", SubmissionStatus.InReview);
        Assert.Equal(0, await Backfill.RunAsync());
        Assert.Equal(0, await RowsOfAsync(later.Id, SubmissionIndex.All));
        Assert.Equal(1, await RowsOfAsync(old.Id, SubmissionIndex.All));
    }

    [Fact]
    public async Task A_submission_that_gained_a_marker_meanwhile_is_not_indexed_again()
    {
        var s = await AddUnindexedAsync("Disimpan ulang", SubmissionStatus.Submitted);
        var moved = s with { Status = SubmissionStatus.InReview, LastStep = 1 };
        await staff.Store.SaveAsync(moved, new HistoryEntry { Step = 1, At = DateTimeOffset.UtcNow, Status = moved.Status, Event = HistoryEvent.ReviewAccepted });

        // The backfill read the record before that save: it must not put the submission back under Submitted.
        Assert.False(await staff.Store.IndexIfUnindexedAsync(s));
        Assert.Equal(1, await RowsOfAsync(s.Id, SubmissionIndex.All));
        Assert.Equal("InReview", Assert.Single((await Index.ListAsync(new SubmissionQuery { PageSize = SubmissionQuery.MaxPageSize })).Items, i => i.Id == s.Id).Status);
    }
}
