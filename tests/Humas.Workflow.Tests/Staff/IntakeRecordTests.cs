using Azure.Data.Tables;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>What the intake stores for a new submission, in the fewest writes, and that it never overwrites one.</summary>
public sealed class IntakeRecordTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private HumasStorage Storage => staff.Services.GetRequiredService<HumasStorage>();

    private async Task<List<string>> RowKeysAsync(string id)
    {
        var keys = new List<string>();
        await foreach (var row in Storage.Table(HumasStorage.SubmissionsTable).QueryAsync<TableEntity>(e => e.PartitionKey == id, select: ["RowKey"]))
            keys.Add(row.RowKey);
        return keys;
    }

    [Fact]
    public async Task A_new_submission_has_its_record_first_history_row_marker_and_index_rows()
    {
        var at = DateTimeOffset.UtcNow;
        var s = await staff.AddAsync("Baru masuk", at);

        Assert.Equal(["history-0000", "index", "record"], (await RowKeysAsync(s.Id)).Order());
        Assert.Equal(SubmissionStatus.Submitted, (await staff.Store.GetAsync(s.Id))!.Status);
        Assert.Equal(HistoryEvent.Submitted, Assert.Single(await staff.Store.GetHistoryAsync(s.Id)).Event);
        var marker = (await staff.Store.GetMarkerAsync<IndexMarker>(s.Id, IndexMarker.RowKey))!;
        Assert.Empty(marker.Stale);
        Assert.Equal(SubmissionIndex.KeysFor(s).Select(k => k.ToString()), marker.Current);
        Assert.Contains(s.Id, await Index.IdsInAsync(SubmissionIndex.All));
        Assert.Contains((await Index.ListAsync(new SubmissionQuery { Status = SubmissionStatus.Submitted, Month = SubmissionIndex.MonthOf(at),
            PageSize = SubmissionQuery.MaxPageSize })).Items, i => i.Id == s.Id);
        // Not waiting for anyone yet: the waiting index does not list it.
        Assert.DoesNotContain(await staff.Services.GetRequiredService<WaitingIndex>().AllAsync(), w => w.Id == s.Id);
    }

    [Fact]
    public async Task An_id_already_taken_is_refused_and_the_stored_submission_is_unchanged()
    {
        var s = await staff.AddAsync("Yang pertama", DateTimeOffset.UtcNow);
        var other = s with { Content = s.Content with { Title = "Yang kedua" } };

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => staff.Store.CreateAsync(other,
            new HistoryEntry { Step = 0, At = other.CreatedAt, Status = other.Status, Event = HistoryEvent.Submitted }));

        Assert.Equal("Yang pertama", (await staff.Store.GetAsync(s.Id))!.Content.Title);
        Assert.Equal(["history-0000", "index", "record"], (await RowKeysAsync(s.Id)).Order());
        var all = await Index.ListAsync(new SubmissionQuery());
        Assert.Equal("Yang pertama", Assert.Single(all.Items, i => i.Id == s.Id).Title);
    }
}
