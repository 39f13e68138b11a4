using System.Text.Json;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Reach;
using Humas.Workflow.Storage;
using Humas.Workflow.Tests.Publication;
using Humas.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Reach;

/// <summary>
/// The daily reach against the channel stubs, which answer the Graph API's IG User fields and media insights, the YouTube
/// Data API's channels.list and videos.list statistics and WordPress's X-WP-Total as those APIs document them, over
/// Azurite; the year's figures through the handler both hosts map on GET /api/reach/{year}.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class ReachTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private readonly SettableClock clock = SettableClock.OnAFreshDay();
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await channels.ServicesAsync(fixture, clock: clock);

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        channels.Dispose();
    }

    private ReachHandlers Handlers => services.GetRequiredService<ReachHandlers>();

    private async Task<(int Status, JsonElement Json)> CallAsync(Func<HttpContext, Task<IResult>> handler)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await (await handler(http)).ExecuteAsync(http);
        return (http.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }

    private static JsonElement Channel(JsonElement report, string channel) =>
        report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    [Fact]
    public async Task The_year_after_a_run_shows_the_stubs_figures()
    {
        channels.Instagram.Followers = 28_731;
        channels.YouTube.Subscribers = 3_305;
        channels.WordPress.EarlierPosts = 412;

        var (runStatus, run) = await CallAsync(Handlers.RunAsync);
        var (status, report) = await CallAsync(http => Handlers.JsonAsync(http, clock.Now.Year.ToString()));

        Assert.Equal(200, runStatus);
        Assert.Equal(["instagram", "youtube", "wordpress"], run.GetProperty("recorded").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(200, status);
        var instagram = Channel(report, "instagram");
        Assert.Equal(ReachDay.Of(clock.Now), instagram.GetProperty("latestDay").GetString());
        Assert.Equal(28_731, instagram.GetProperty("latest").GetProperty("followers").GetInt64());
        Assert.Equal(3_305, Channel(report, "youtube").GetProperty("latest").GetProperty("subscribers").GetInt64());
        Assert.Equal(415_000, Channel(report, "youtube").GetProperty("latest").GetProperty("views").GetInt64());
        Assert.Equal(412, Channel(report, "wordpress").GetProperty("latest").GetProperty("posts").GetInt64());
        // The requests as the APIs document them.
        Assert.Equal("followers_count,media_count", ProtocolStub.Query(channels.Instagram.Sent("GET", $"/{ChannelSetup.IgUser}").Single(), "fields"));
        Assert.Equal("true", ProtocolStub.Query(channels.YouTube.Sent("GET", "/youtube/v3/channels").Single(), "mine"));
        Assert.Equal("1", ProtocolStub.Query(channels.WordPress.Sent("GET", "/wp-json/wp/v2/posts").Single(), "per_page"));
    }

    [Fact]
    public async Task A_second_run_the_same_day_changes_nothing_and_asks_no_channel_again()
    {
        var recorder = services.GetRequiredService<ReachRecorder>();
        channels.Instagram.Followers = 28_000;
        var first = await recorder.RunAsync();
        var asked = channels.Instagram.Requests.Count + channels.YouTube.Requests.Count + channels.WordPress.Requests.Count;

        channels.Instagram.Followers = 29_999;
        clock.Now = clock.Now.AddHours(5);
        var second = await recorder.RunAsync();

        Assert.Equal(3, first.Recorded.Count);
        Assert.Empty(second.Recorded);
        Assert.Equal(asked, channels.Instagram.Requests.Count + channels.YouTube.Requests.Count + channels.WordPress.Requests.Count);
        var kept = await services.GetRequiredService<ReachStore>().GetAsync("instagram", first.Day);
        Assert.Equal(28_000, kept!.Figures["followers"]);
        Assert.Equal(first.Channels.Single(c => c.Channel == "instagram").MeasuredAt, kept.MeasuredAt);
    }

    [Fact]
    public async Task The_change_over_seven_days_and_since_the_first_measurement_of_the_year()
    {
        var recorder = services.GetRequiredService<ReachRecorder>();
        var start = clock.Now;
        foreach (var (days, followers) in new[] { (0, 20_000L), (3, 20_100L), (7, 20_400L), (14, 21_000L) })
        {
            clock.Now = start.AddDays(days);
            channels.Instagram.Followers = followers;
            await recorder.RunAsync();
        }

        var report = await services.GetRequiredService<ReachReporter>().BuildAsync(start.Year);

        var instagram = report.Channels.Single(c => c.Channel == "instagram");
        Assert.Equal(21_000, instagram.Latest["followers"]);
        Assert.Equal(600, instagram.ChangeLast7Days["followers"]);
        Assert.Equal(1_000, instagram.ChangeSinceJanuary["followers"]);
        Assert.Equal(instagram.Weekly.Select(p => p.Day).Distinct().Count(), instagram.Weekly.Count);
        Assert.Equal(ReachDay.Of(clock.Now), instagram.Weekly[^1].Day);
    }

    [Fact]
    public async Task Items_published_one_and_seven_days_earlier_are_measured_once_beside_their_evidence()
    {
        var publisher = services.GetRequiredService<ChannelPublisher>();
        var feed = services.GetRequiredService<WebsiteFeed>();
        var store = services.GetRequiredService<SubmissionStore>();
        var yesterday = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website", "instagram", "youtube"]), ChannelSetup.Jpeg(), ChannelSetup.Mp4());
        var lastWeek = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website", "instagram"]), ChannelSetup.Jpeg());
        var twoDaysAgo = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website", "instagram"]), ChannelSetup.Jpeg());
        foreach (var (s, days) in new[] { (yesterday, 1), (lastWeek, 7), (twoDaysAgo, 2) })
        {
            await feed.PublishAsync(s, clock.Now.AddDays(-days));
            foreach (var channel in s.Content.Channels.Where(c => c != "website"))
                Assert.Equal(PublicationStatus.Published, (await publisher.PublishAsync(s, channel, 1)).Status);
        }
        channels.Instagram.ViewsPerMedia = 1_500;
        channels.YouTube.ViewsPerVideo = 820;

        var run = await services.GetRequiredService<ReachRecorder>().RunAsync();
        channels.Instagram.ViewsPerMedia = 9_999;
        var again = await services.GetRequiredService<ReachRecorder>().RunAsync();

        Assert.Equal(3, run.ItemsMeasured);
        Assert.Equal(0, again.ItemsMeasured);
        var instagram = await store.GetMarkerAsync<ItemReach>(yesterday.Id, ReachRecorder.ItemKey("instagram", 1));
        Assert.Equal(1_500, instagram!.Figures["views"]);
        Assert.Equal(1_200, instagram.Figures["reach"]);
        var evidence = await store.GetMarkerAsync<PublicationRecord>(yesterday.Id, WebsiteFeed.PublicationKey("instagram"));
        Assert.Equal(evidence!.PostId, instagram.PostId);
        Assert.Equal(820, (await store.GetMarkerAsync<ItemReach>(yesterday.Id, ReachRecorder.ItemKey("youtube", 1)))!.Figures["views"]);
        Assert.Equal(1_500, (await store.GetMarkerAsync<ItemReach>(lastWeek.Id, ReachRecorder.ItemKey("instagram", 7)))!.Figures["views"]);
        Assert.Null(await store.GetMarkerAsync<ItemReach>(twoDaysAgo.Id, ReachRecorder.ItemKey("instagram", 1)));
        Assert.Equal("views,reach", ProtocolStub.Query(channels.Instagram.Sent("GET", "/insights").First(), "metric"));
    }

    [Theory]
    [InlineData("26")]
    [InlineData("20x6")]
    [InlineData("-2026")]
    [InlineData("1999")]
    public async Task A_year_that_is_not_one_is_refused_naming_the_field(string year)
    {
        var (status, problem) = await CallAsync(http => Handlers.JsonAsync(http, year));

        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task A_wordpress_401_marks_the_channel_the_team_is_told_once_a_week_and_a_fixed_credential_clears_it()
    {
        fixture.Smtp.Clear();
        var start = clock.Now;
        await using (var refused = await channels.ServicesAsync(fixture, new Dictionary<string, string?> { ["Humas:Channels:WordPress:AppPassword"] = "kata sandi lama" }, clock))
        {
            var recorder = refused.GetRequiredService<ReachRecorder>();
            var first = await recorder.RunAsync();
            clock.Now = start.AddDays(1);
            await recorder.RunAsync();
            clock.Now = start.AddDays(7);
            await recorder.RunAsync();

            Assert.Contains("HTTP 401", first.Failures["wordpress"]);
            Assert.Equal(["instagram", "youtube"], first.Recorded);
            var report = await refused.GetRequiredService<ReachReporter>().BuildAsync(start.Year);
            Assert.Equal(start, Assert.Single(report.NeedsReconnecting, r => r.Channel == "wordpress").Since);
        }
        await fixture.Smtp.FlushAsync();
        var told = fixture.Smtp.Messages.Where(m => m.Subject.Contains("WordPress needs reconnecting")).ToList();
        Assert.Equal(2, told.Count);
        Assert.All(told, m => Assert.True(m.IsFor("humas@bbpmp-jateng.example"), string.Join(",", m.To)));

        clock.Now = start.AddDays(8);
        var fixedRun = await services.GetRequiredService<ReachRecorder>().RunAsync();

        Assert.Contains("wordpress", fixedRun.Recorded);
        Assert.Empty((await services.GetRequiredService<ReachReporter>().BuildAsync(start.Year)).NeedsReconnecting);
    }
}
