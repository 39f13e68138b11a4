using System.Text.Json;
using Humas.Workflow.Staff;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>GET /api/submissions: each filter, search, newest first, paging with a continuation token, bad input.</summary>
public sealed class SubmissionListTests(StaffFixture fixture) : IClassFixture<StaffFixture>, IAsyncLifetime
{
    private StaffServices staff => fixture.Staff;
    private static readonly DateTimeOffset May = new(2025, 5, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June = new(2025, 6, 12, 3, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.SeedOnceAsync(SeedAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task SeedAsync(StaffServices staff)
    {
        // A small pipeline: one of each kind a filter must tell apart, created an hour apart.
        await staff.AddAsync("Alpha lokakarya guru", May);
        await staff.AddAsync("Bravo video kurikulum", May.AddHours(1), c => c with { ContentType = "video", Track = "external", Team = "digital-creative" });
        await staff.AddAsync("Charlie wilayah Klaten", May.AddHours(2), c => c with { Region = "3310" },
            s => s with { Status = SubmissionStatus.InReview, WaitingStage = Stage.Review, Round = 1, Awaiting = ["reviewer"], WaitingFor = ["Redaktur Humas"] });
        await staff.AddAsync("Delta persetujuan", June, state: s => s with
        {
            Status = SubmissionStatus.AwaitingApproval, WaitingStage = Stage.Approval, Round = 1, Awaiting = ["kabag-umum"], WaitingFor = ["Kepala Bagian Umum"],
        });
        await staff.AddAsync("Echo terbit Juni", June.AddHours(1), state: s => s with { Status = SubmissionStatus.Published, UpdatedAt = June.AddDays(2) });
        // 23:30 WIB on 31 May is 16:30 UTC: it belongs to May in WIB, although it is still May 31 in UTC as well.
        await staff.AddAsync("Foxtrot akhir Mei WIB", new DateTimeOffset(2025, 5, 31, 16, 30, 0, TimeSpan.Zero));
        // 00:30 WIB on 1 June is still 31 May in UTC: the month is the office's.
        await staff.AddAsync("Golf awal Juni WIB", new DateTimeOffset(2025, 5, 31, 17, 30, 0, TimeSpan.Zero));
    }

    private async Task<(IReadOnlyList<string> Titles, string? Token)> ListAsync(string query)
    {
        var handler = staff.Services.GetRequiredService<StaffHandlers>();
        var response = await staff.CallAsync(handler.ListAsync, query);
        Assert.True(response.Status == 200, $"{response.Status}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
        using var json = StaffServices.Json(response);
        var titles = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        var token = json.RootElement.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (titles, token);
    }

    [Fact]
    public async Task Without_filters_every_submission_is_listed_newest_first()
    {
        var (titles, token) = await ListAsync("");
        Assert.Equal(["Echo terbit Juni", "Delta persetujuan", "Golf awal Juni WIB", "Foxtrot akhir Mei WIB", "Charlie wilayah Klaten",
            "Bravo video kurikulum", "Alpha lokakarya guru"], titles);
        Assert.Null(token);
    }

    [Theory]
    [InlineData("status=InReview", new[] { "Charlie wilayah Klaten" })]
    [InlineData("status=published", new[] { "Echo terbit Juni" })]
    [InlineData("stage=Approval", new[] { "Delta persetujuan" })]
    [InlineData("waitingFor=kabag-umum", new[] { "Delta persetujuan" })]
    [InlineData("waitingFor=redaktur", new[] { "Charlie wilayah Klaten" })]
    [InlineData("team=digital-creative", new[] { "Bravo video kurikulum" })]
    [InlineData("region=3310", new[] { "Charlie wilayah Klaten" })]
    [InlineData("contentType=video", new[] { "Bravo video kurikulum" })]
    [InlineData("track=external", new[] { "Bravo video kurikulum" })]
    [InlineData("month=2025-06", new[] { "Echo terbit Juni", "Delta persetujuan", "Golf awal Juni WIB" })]
    [InlineData("month=2025-05", new[] { "Foxtrot akhir Mei WIB", "Charlie wilayah Klaten", "Bravo video kurikulum", "Alpha lokakarya guru" })]
    [InlineData("status=Submitted&month=2025-05", new[] { "Foxtrot akhir Mei WIB", "Bravo video kurikulum", "Alpha lokakarya guru" })]
    [InlineData("status=Submitted&month=2025-06", new[] { "Golf awal Juni WIB" })]
    [InlineData("q=KURIKULUM", new[] { "Bravo video kurikulum" })]
    [InlineData("q=juni%20terbit", new[] { "Echo terbit Juni" })]
    [InlineData("q=wib&month=2025-05", new[] { "Foxtrot akhir Mei WIB" })]
    [InlineData("status=Rejected", new string[0])]
    public async Task Each_filter_answers_exactly_its_submissions(string query, string[] expected)
    {
        var (titles, _) = await ListAsync(query);
        Assert.Equal(expected, titles);
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("stage=Publishing", "stage")]
    [InlineData("team=nobody", "team")]
    [InlineData("region=9999", "region")]
    [InlineData("contentType=novel", "contentType")]
    [InlineData("track=sideways", "track")]
    [InlineData("month=2025-13", "month")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("continuationToken=not-a-token", "continuationToken")]
    public async Task A_filter_it_cannot_use_is_a_problem_naming_the_field(string query, string field)
    {
        var handler = staff.Services.GetRequiredService<StaffHandlers>();
        var response = await staff.CallAsync(handler.ListAsync, query);
        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        using var json = StaffServices.Json(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), System.Text.Encoding.UTF8.GetString(response.Body));
    }
}

/// <summary>Paging: more submissions than a page, read with the continuation token, none twice and none lost.</summary>
public sealed class SubmissionPagingTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    [Fact]
    public async Task Pages_follow_each_other_newest_first_until_the_last_has_no_token()
    {
        var start = new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.Zero);
        var added = new List<Submission>();
        for (var i = 0; i < 23; i++)
            added.Add(await staff.AddAsync($"Berita nomor {i:D2}", start.AddMinutes(i),
                state: s => i % 3 == 0 ? s with { Status = SubmissionStatus.Published } : s));
        var handler = staff.Services.GetRequiredService<StaffHandlers>();

        async Task<List<string>> ReadAll(string filter)
        {
            var ids = new List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var query = $"{filter}&pageSize=5" + (token is null ? "" : $"&continuationToken={token}");
                using var json = StaffServices.Json(await staff.CallAsync(handler.ListAsync, query));
                var items = json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
                Assert.InRange(items.Count, 1, 5);
                ids.AddRange(items);
                token = json.RootElement.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                pages++;
            }
            while (token is not null && pages < 20);
            return ids;
        }

        var all = await ReadAll("month=2025-07");
        Assert.Equal(added.OrderByDescending(s => s.CreatedAt).Select(s => s.Id), all);

        var published = await ReadAll("status=Published");
        Assert.Equal(added.Where(s => s.Status == SubmissionStatus.Published).OrderByDescending(s => s.CreatedAt).Select(s => s.Id), published);

        // A page filtered here (the title search) still fills up and carries on where it stopped.
        var found = await ReadAll("q=nomor");
        Assert.Equal(all, found);
    }
}
