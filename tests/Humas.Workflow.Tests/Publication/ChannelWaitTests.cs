using System.Text.Json.Nodes;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Staff;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Humas.Workflow.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// Workflow version 5 on the in-process engine against the channel stubs: a refused credential (WordPress 401, YouTube's
/// invalid_grant) or a reached limit (Instagram's content_publishing_limit, YouTube's quotaExceeded) makes the channel
/// wait on durable timers; it goes out once the channel takes it, and fails, told, past the profile's bound. The
/// protocols are the stubs' (WordPressStub, YouTubeStub, InstagramStub name their reference pages).
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class ChannelWaitTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private const string Team = "humas@bbpmp-jateng.example";
    private readonly ChannelSetup channels = new();
    private DurableTaskTestHost host = null!;
    private IServiceProvider Services => host.Services;
    private SubmissionStore Store => Services.GetRequiredService<SubmissionStore>();

    public async Task InitializeAsync()
    {
        // Short bounds so the failure past them is seen; the pauses short so the waits end within a test.
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow", "Profiles", "bbpmp-jateng.json")))!;
        profile["channelWaits"] = new JsonObject { ["reconnect"] = "8s", ["rateLimit"] = "30s" };
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "waits.json");
        await File.WriteAllTextAsync(path, profile.ToJsonString());
        var settings = channels.Settings();
        settings["Humas:Profile"] = path;
        settings["Humas:Channels:ReconnectCheckEvery"] = "00:00:00.300";
        settings["Humas:Channels:RateLimitStep"] = "00:00:00.500";
        settings["Humas:Channels:RateLimitWaitAtMost"] = "00:00:01";
        var configuration = WorkflowHost.Settings(fixture, settings);
        host = await TestHosts.StartAsync(registry =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators) registry.AddOrchestrator(type);
            foreach (var type in WorkflowCatalog.Activities) registry.AddActivity(type);
        }, new DurableTaskTestHostOptions { ConfigureServices = services => services.AddHumasWorkflow(configuration) });
        await Services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        channels.Dispose();
    }

    private async Task<string> ApproveAsync(SubmissionContent content, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var s = await ChannelSetup.StoreAsync(Services, content, files);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            WorkflowHost.Input(s.Id, version: 5), new StartOrchestrationOptions(s.Id));
        foreach (var (stage, decision) in new[] { (Stage.Review, DecisionValues.Accept), (Stage.Approval, DecisionValues.Approve) })
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while ((await Store.GetAsync(s.Id))?.WaitingStage != stage && DateTime.UtcNow < until) await Task.Delay(100);
            await host.Client.RaiseEventAsync(s.Id, WorkflowEvents.For(stage, 1),
                new DecisionMade(stage, 1, decision, null, stage == Stage.Review ? "reviewer" : "kabag-umum", "Pemutus", DateTimeOffset.UtcNow));
        }
        return s.Id;
    }

    private async Task<OrchestrationMetadata> EndAsync(string id, int seconds = 90)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    private async Task<PublicationRecord> WaitingAsync(string id, string channel, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await Store.GetMarkerAsync<PublicationRecord>(id, $"publication-{channel}") is { Status: PublicationStatus.Waiting } waiting)
                return waiting;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{channel} of {id} never waited");
    }

    /// <summary>The submitter's tracking page as its link shows it.</summary>
    private async Task<string> TrackingPageAsync(string id)
    {
        var s = await Store.GetExistingAsync(id);
        var link = await Services.GetRequiredService<Humas.Workflow.Links.Links>().TrackAsync(s);
        return await PageAsync(http => Services.GetRequiredService<StatusHandlers>().TrackAsync(http, link[(link.LastIndexOf('/') + 1)..]));
    }

    /// <summary>A handler called with this host's services, its page executed as the hosts execute it.</summary>
    private async Task<string> PageAsync(Func<HttpContext, Task<IResult>> handler)
    {
        var result = await handler(new DefaultHttpContext { RequestServices = Services });
        return (await Pages.PageRendering.ExecuteAsync(result)).Body;
    }

    private async Task<IReadOnlyList<HistoryEntry>> WaitRowsAsync(string id) =>
        (await Store.GetHistoryAsync(id)).Where(h => h.Event == HistoryEvent.ChannelWaiting).ToList();

    [Fact]
    public async Task A_WordPress_401_marks_the_channel_and_the_post_waits_then_goes_out_once_the_password_works()
    {
        channels.WordPress.AppPassword = "kata sandi baru yang belum dipasang";
        var content = ChannelSetup.Content(["website"]);
        var id = await ApproveAsync(content, ChannelSetup.Jpeg());

        var waiting = await WaitingAsync(id, WordPressChannel.ChannelName);
        Assert.Equal(ChannelWaitReason.Reconnect, waiting.WaitFor);
        Assert.Contains("401", waiting.Reason);
        var health = await Services.GetRequiredService<ChannelHealthStore>().GetAsync(WordPressChannel.ChannelName);
        Assert.NotNull(health);
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Team) && m.Subject.Contains("WordPress perlu dihubungkan ulang"), TimeSpan.FromSeconds(10));
        Assert.Contains("WordPress", mail.TextBody);
        var page = await TrackingPageAsync(id);
        Assert.Contains("Menunggu WordPress dihubungkan ulang", page);
        Assert.Contains("data-status=\"Waiting\"", page);
        var staff = await PageAsync(http => Services.GetRequiredService<StaffPage>().ShowAsync(http));
        Assert.Contains("data-reconnect=\"wordpress\"", staff);
        Assert.Contains("WordPress perlu dihubungkan ulang", staff);
        Assert.Equal(SubmissionStatus.Publishing, (await Store.GetExistingAsync(id)).Status);

        // The operator puts the site's new application password where the app reads it; here the site takes the old one again.
        channels.WordPress.AppPassword = ChannelSetup.WpPassword;
        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Single(channels.WordPress.Posts);
        var record = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-wordpress");
        Assert.Equal(PublicationStatus.Published, record!.Status);
        Assert.NotEmpty(await WaitRowsAsync(id));
        Assert.All(await WaitRowsAsync(id), h => Assert.Equal((WordPressChannel.ChannelName, ChannelWaitReason.Reconnect), (h.Actor, h.Decision)));
        Assert.Null(await Services.GetRequiredService<ChannelHealthStore>().GetAsync(WordPressChannel.ChannelName));
        await fixture.Smtp.FlushAsync();
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.Subject.Contains(content.Title) && m.Subject.Contains("Gagal terbit"));
    }

    [Fact]
    public async Task A_channel_still_refused_past_the_profiles_bound_fails_and_people_are_told()
    {
        channels.WordPress.AppPassword = "dicabut";
        var content = ChannelSetup.Content(["website"]);
        var id = await ApproveAsync(content, ChannelSetup.Jpeg());
        var first = await WaitingAsync(id, WordPressChannel.ChannelName);

        var end = await EndAsync(id);

        // The office's feed went out, so the submission is published; WordPress failed at the bound (8 s) and is told.
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var record = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-wordpress");
        Assert.Equal(PublicationStatus.Failed, record!.Status);
        Assert.True(record.At - first.WaitingSince >= TimeSpan.FromSeconds(8), $"failed after {record.At - first.WaitingSince}");
        Assert.True((await WaitRowsAsync(id)).Count >= 2);
        await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Team) && m.Subject.Contains(content.Title) && m.Subject.Contains("Gagal terbit"),
            TimeSpan.FromSeconds(10));
        Assert.Empty(channels.WordPress.Posts);
    }

    [Fact]
    public async Task YouTubes_invalid_grant_waits_for_the_reconnection_and_the_video_goes_out_after()
    {
        channels.YouTube.RefreshTokenRevoked = true;
        var id = await ApproveAsync(ChannelSetup.Content(["website", "youtube"]), ChannelSetup.Mp4());

        var waiting = await WaitingAsync(id, YouTubeChannel.ChannelName);
        Assert.Equal(ChannelWaitReason.Reconnect, waiting.WaitFor);
        Assert.Contains("invalid_grant", waiting.Reason);
        Assert.NotNull(await Services.GetRequiredService<ChannelHealthStore>().GetAsync(YouTubeChannel.ChannelName));
        Assert.Contains("Menunggu YouTube dihubungkan ulang", await TrackingPageAsync(id));

        channels.YouTube.RefreshTokenRevoked = false;
        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Single(channels.YouTube.Videos);
        Assert.Equal(PublicationStatus.Published, (await Store.GetMarkerAsync<PublicationRecord>(id, "publication-youtube"))!.Status);
    }

    [Fact]
    public async Task An_Instagram_post_over_the_publishing_limit_waits_for_the_window_then_goes_out()
    {
        channels.Instagram.QuotaUsage = channels.Instagram.QuotaTotal;
        var id = await ApproveAsync(ChannelSetup.Content(["website", "instagram"]), ChannelSetup.Jpeg());

        var waiting = await WaitingAsync(id, InstagramChannel.ChannelName);
        Assert.Equal(ChannelWaitReason.RateLimit, waiting.WaitFor);
        Assert.Empty(channels.Instagram.Containers);
        var page = await TrackingPageAsync(id);
        Assert.Contains("Menunggu batas unggahan Instagram pulih", page);
        Assert.Contains("hingga", page);
        // A use leaves the 24-hour window.
        channels.Instagram.QuotaUsage = channels.Instagram.QuotaTotal - 1;
        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Single(channels.Instagram.Published);
        var reads = channels.Instagram.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/content_publishing_limit")).ToList();
        Assert.True(reads.Count >= 2, $"the limit was read {reads.Count} times");
        Assert.All(reads, r => Assert.Equal("config,quota_usage", ProtocolStub.Query(r, "fields")));
        Assert.Equal(PublicationStatus.Published, (await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram"))!.Status);
        Assert.Contains(await WaitRowsAsync(id), h => h.Actor == InstagramChannel.ChannelName && h.Decision == ChannelWaitReason.RateLimit);
    }

    [Fact]
    public async Task YouTubes_quotaExceeded_waits_until_the_quota_resets_then_uploads_once()
    {
        channels.YouTube.QuotaExceededUploads = 1;
        var id = await ApproveAsync(ChannelSetup.Content(["website", "youtube"]), ChannelSetup.Mp4());

        var waiting = await WaitingAsync(id, YouTubeChannel.ChannelName);
        Assert.Equal(ChannelWaitReason.RateLimit, waiting.WaitFor);
        Assert.Contains("quotaExceeded", waiting.Answer);
        // Midnight Pacific, shortened for the test by Humas:Channels:RateLimitWaitAtMost (1 s).
        Assert.True(waiting.WaitUntil <= waiting.At.AddSeconds(1.01), $"waits until {waiting.WaitUntil:O} from {waiting.At:O}");
        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Single(channels.YouTube.Videos);
        Assert.Equal(PublicationStatus.Published, (await Store.GetMarkerAsync<PublicationRecord>(id, "publication-youtube"))!.Status);
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00Z", "2026-12-02T08:00:00Z")] // PST, UTC-8
    [InlineData("2026-12-01T07:30:00Z", "2026-12-01T08:00:00Z")] // 23:30 the evening before in Los Angeles
    [InlineData("2026-07-01T10:00:00Z", "2026-07-02T07:00:00Z")] // PDT, UTC-7
    [InlineData("2026-03-08T09:00:00Z", "2026-03-09T07:00:00Z")] // the day summer time starts
    public void YouTubes_quota_resets_at_midnight_Pacific_time(string now, string reset) =>
        Assert.Equal(DateTimeOffset.Parse(reset), YouTubeChannel.QuotaResetAfter(DateTimeOffset.Parse(now)));
}
