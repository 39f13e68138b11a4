using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;

namespace Humas.Workflow.Tests.Staff;

/// <summary>
/// Saves from two processes (two stores, each with what it knows of the submissions it saved last): a save never builds
/// on an older record than the stored one, and the list never shows an older state than the record's.
/// </summary>
public sealed class ConcurrentSaveTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private readonly WorkflowFixture fixture = fixture;

    private SubmissionStore OtherProcess() => new(new HumasStorage(
        new TableServiceClient(fixture.Azurite.ConnectionString), new BlobServiceClient(fixture.Azurite.ConnectionString)));

    private static SubmissionChange Changed(Submission s, Func<Submission, Submission> edit) =>
        new(edit(s) with { UpdatedAt = DateTimeOffset.UtcNow }, HistoryEvent.ReviewRequested);

    private async Task<SubmissionRow> ListedAsync(string id) =>
        Assert.Single((await Index.ListAsync(new SubmissionQuery { PageSize = SubmissionQuery.MaxPageSize })).Items, i => i.Id == id);

    private async Task<(int? Step, int? Round)> IndexedStepAndRoundAsync(Submission s)
    {
        var row = (await new TableClient(fixture.Azurite.ConnectionString, HumasStorage.SubmissionIndexTable)
            .GetEntityAsync<TableEntity>(SubmissionIndex.All, SubmissionIndex.NewestFirst(s))).Value;
        return (row.GetInt32("LastStep"), row.GetInt32("Round"));
    }

    [Fact]
    public async Task A_change_another_process_saved_is_kept_when_this_one_saves_on_what_it_knew_before()
    {
        var s = await staff.AddAsync("Dua penulis", DateTimeOffset.UtcNow);
        await staff.Store.ApplyAsync(s.Id, 1, x => Changed(x, y => y with { Content = y.Content with { Summary = "langkah 1" } }));

        // Another worker (or a staff change) moves the record on; this process still knows it at step 1.
        var (_, step) = await OtherProcess().ApplyNextAsync(s.Id, x => Changed(x, y => y with { Content = y.Content with { Team = "tim-lain" } }));
        Assert.Equal(2, step);
        var after = await staff.Store.ApplyAsync(s.Id, 3, x => Changed(x, y => y with { Content = y.Content with { Summary = "langkah 3" } }));

        var stored = (await staff.Store.GetAsync(s.Id))!;
        Assert.Equal(("tim-lain", "langkah 3", 3), (stored.Content.Team, stored.Content.Summary, stored.LastStep));
        Assert.Equal(stored.Content.Team, after.Content.Team);
        Assert.Equal([0, 1, 2, 3], (await staff.Store.GetHistoryAsync(s.Id)).Select(h => h.Step));
        var row = await ListedAsync(s.Id);
        Assert.Equal("tim-lain", row.Team);
    }

    [Fact]
    public async Task A_step_refused_on_what_this_process_knew_is_decided_again_on_what_another_process_saved()
    {
        var s = await staff.AddAsync("Pekerja lain", DateTimeOffset.UtcNow);
        await staff.Store.ApplyAsync(s.Id, 1, x => Changed(x, y => y with { Round = 1 }));

        // The other worker takes the next step (an accepted review); the step after it is only allowed from there.
        await OtherProcess().ApplyAsync(s.Id, 2, x => Changed(x, y => y with { Round = 2 }));
        var after = await staff.Store.ApplyAsync(s.Id, 3, x => x.Round == 2
            ? Changed(x, y => y with { Round = 3 })
            : throw new TransitionRefused(x.Id, x.Status, "Approve"));

        Assert.Equal((3, 3), (after.Round, after.LastStep));
        Assert.Equal((3, 3), ((await staff.Store.GetAsync(s.Id))!.Round, (await staff.Store.GetAsync(s.Id))!.LastStep));
        // Refused on the stored record too, the refusal reaches the caller.
        await Assert.ThrowsAsync<TransitionRefused>(() => staff.Store.ApplyAsync(s.Id, 4, x => throw new TransitionRefused(x.Id, x.Status, "Publish")));
    }

    [Fact]
    public async Task A_step_delivered_again_answers_the_stored_record_not_the_one_this_process_remembers()
    {
        var s = await staff.AddAsync("Terkirim ulang", DateTimeOffset.UtcNow);
        await staff.Store.ApplyAsync(s.Id, 1, x => Changed(x, y => y with { Round = 1 }));
        await OtherProcess().ApplyAsync(s.Id, 2, x => Changed(x, y => y with { Round = 2 }));

        var again = await staff.Store.ApplyAsync(s.Id, 1, _ => throw new InvalidOperationException("step 1 applied twice"));
        Assert.Equal((2, 2), (again.Round, again.LastStep));
        Assert.Equal((2, 2), await IndexedStepAndRoundAsync(s));
    }

    [Fact]
    public async Task Changes_from_two_processes_at_once_are_each_saved_once_in_one_line_of_steps()
    {
        var s = await staff.AddAsync("Serentak", DateTimeOffset.UtcNow);
        var other = OtherProcess();
        Task Many(SubmissionStore store) => Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            store.ApplyNextAsync(s.Id, x => Changed(x, y => y with { Round = y.Round + 1 }))));
        await Task.WhenAll(Many(staff.Store), Many(other));

        var stored = (await other.GetAsync(s.Id))!;
        Assert.Equal((16, 16), (stored.Round, stored.LastStep));
        Assert.Equal(Enumerable.Range(0, 17), (await staff.Store.GetHistoryAsync(s.Id)).Select(h => h.Step));
        Assert.Equal((16, 16), await IndexedStepAndRoundAsync(s));
    }

    [Fact]
    public async Task The_list_row_does_not_go_back_to_an_older_step()
    {
        var s = await staff.AddAsync("Urutan di daftar", DateTimeOffset.UtcNow);
        var newer = s with { Status = SubmissionStatus.Approved, LastStep = 5 };
        var etag = await Index.PutAsync(newer, null);
        // A slower writer of step 4, with no ETag and with the ETag it had before step 5 was written.
        await Index.PutAsync(s with { Status = SubmissionStatus.InReview, LastStep = 4 }, null);
        await Index.PutAsync(s with { Status = SubmissionStatus.InReview, LastStep = 4 }, new Azure.ETag("W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\""));
        Assert.Equal("Approved", (await ListedAsync(s.Id)).Status);
        Assert.NotEqual(etag, await Index.PutAsync(newer with { Content = newer.Content with { Team = "tim-akhir" } }, etag));
        Assert.Equal("tim-akhir", (await ListedAsync(s.Id)).Team);
    }
}
