using System.Collections.Concurrent;
using System.Text.Json;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// Publication inside the real orchestration on the in-process engine, on both workflow versions: repeated deliveries,
/// Instagram's waits, failed channels and the admin's retry.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class PublicationWorkflowTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private DurableTaskTestHost host = null!;
    private IServiceProvider Services => host.Services;
    private SubmissionStore Store => Services.GetRequiredService<SubmissionStore>();

    // Instagram's first pause and its limit in all (10 x 100 ms): long enough to see the pauses grow, short for a test.
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    public async Task InitializeAsync()
    {
        var settings = channels.Settings();
        settings["Humas:Channels:Instagram:StatusPollInterval"] = "00:00:00.100";
        settings["Humas:Channels:Instagram:StatusPollAttempts"] = "10";
        var configuration = WorkflowHost.Settings(fixture, settings);
        Type[] crashing = [typeof(PublishSubmission), typeof(PublishToChannel), typeof(PublishInstagramContainer)];
        host = await TestHosts.StartAsync(registry =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators) registry.AddOrchestrator(type);
            foreach (var type in WorkflowCatalog.Activities.Except(crashing)) registry.AddActivity(type);
            // The real activities, made to fail after they have posted: the engine must deliver them again.
            registry.AddActivity(new TaskName(nameof(PublishSubmission)), typeof(PublishThenCrash));
            registry.AddActivity(new TaskName(nameof(PublishToChannel)), typeof(ChannelThenCrash));
            registry.AddActivity(new TaskName(nameof(PublishInstagramContainer)), typeof(InstagramThenCrash));
        }, new DurableTaskTestHostOptions { ConfigureServices = services => services.AddHumasWorkflow(configuration) });
        await Services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        channels.Dispose();
    }

    /// <summary>The submissions whose publication crashes once, and what the first deliveries answered.</summary>
    public static class Crashes
    {
        public static readonly ConcurrentDictionary<string, bool> Once = new();
        public static readonly ConcurrentDictionary<string, int> Deliveries = new();
        public static readonly ConcurrentDictionary<string, ConcurrentBag<PublicationRecord>> FirstRun = new();

        /// <summary>
        /// True on the first delivery of <paramref name="what"/> for a submission marked to crash: the caller then loses
        /// the publication records of <paramref name="prefix"/> (as a crash before the evidence reached storage would)
        /// and fails before returning.
        /// </summary>
        public static async Task<bool> FirstAsync(HumasStorage storage, string id, string what, string prefix, IEnumerable<PublicationRecord> records)
        {
            if (Deliveries.AddOrUpdate($"{id}/{what}", 1, (_, n) => n + 1) > 1 || !Once.ContainsKey(id)) return false;
            foreach (var record in records) FirstRun.GetOrAdd(id, _ => []).Add(record);
            var table = storage.Table(HumasStorage.SubmissionsTable);
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == id))
                if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            return true;
        }

        public static int Of(string id, string what) => Deliveries.GetValueOrDefault($"{id}/{what}");
    }

    /// <summary>Version 1's one publication activity, crashing once after every channel has posted.</summary>
    public sealed class PublishThenCrash(IServiceProvider services, HumasStorage storage) : TaskActivity<PublishRequest, IReadOnlyList<PublicationRecord>>
    {
        public override async Task<IReadOnlyList<PublicationRecord>> RunAsync(TaskActivityContext context, PublishRequest input)
        {
            var records = await ActivatorUtilities.CreateInstance<PublishSubmission>(services).RunAsync(context, input);
            if (await Crashes.FirstAsync(storage, input.SubmissionId, nameof(PublishSubmission), "publication-", records))
                throw new InvalidOperationException("Crashed after posting, before the activity returned.");
            return records;
        }
    }

    /// <summary>Version 2's activity of one channel, crashing once after it has posted.</summary>
    public sealed class ChannelThenCrash(IServiceProvider services, HumasStorage storage) : TaskActivity<ChannelPublication, PublicationRecord>
    {
        public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, ChannelPublication input)
        {
            var record = await ActivatorUtilities.CreateInstance<PublishToChannel>(services).RunAsync(context, input);
            if (await Crashes.FirstAsync(storage, input.SubmissionId, input.Channel, $"publication-{input.Channel}", [record]))
                throw new InvalidOperationException($"Crashed after posting on {input.Channel}, before the activity returned.");
            return record;
        }
    }

    /// <summary>Version 2's media_publish step, crashing once after Instagram published.</summary>
    public sealed class InstagramThenCrash(IServiceProvider services, HumasStorage storage) : TaskActivity<InstagramContainerRequest, PublicationRecord>
    {
        public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, InstagramContainerRequest input)
        {
            var record = await ActivatorUtilities.CreateInstance<PublishInstagramContainer>(services).RunAsync(context, input);
            // The media id was kept before the crash, or not: the delivery after must find the post either way.
            if (await Crashes.FirstAsync(storage, input.SubmissionId, InstagramChannel.ChannelName, "progress-instagram-media-id", [record]))
                throw new InvalidOperationException("Crashed after media_publish, before the activity returned.");
            return record;
        }
    }

    private async Task<string> ApproveAsync(SubmissionContent content, int version, bool crash, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var s = await ChannelSetup.StoreAsync(Services, content, files);
        if (crash) Crashes.Once[s.Id] = true;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            WorkflowHost.Input(s.Id, version: version), new StartOrchestrationOptions(s.Id));
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_publication_delivered_twice_after_a_crash_posts_once_on_every_channel(int version)
    {
        var content = ChannelSetup.Content(["website", "youtube", "instagram", "media-partner"]);
        var id = await ApproveAsync(content, version, crash: true, ChannelSetup.Jpeg(), ChannelSetup.Mp4());

        var end = await EndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        if (version == 1) Assert.Equal(2, Crashes.Of(id, nameof(PublishSubmission)));
        else
        {
            Assert.Equal(0, Crashes.Of(id, nameof(PublishSubmission)));
            foreach (var channel in new[] { "website", "wordpress", "youtube", "instagram", "media-partner" })
                Assert.True(Crashes.Of(id, channel) == 2, $"{channel} was delivered {Crashes.Of(id, channel)} times");
        }

        // Each channel received exactly one post.
        Assert.Single(channels.WordPress.Posts);
        Assert.Single(channels.WordPress.Media);
        Assert.Single(channels.YouTube.Sessions);
        Assert.Single(channels.YouTube.Videos);
        Assert.Single(channels.YouTube.Sent("PUT", "/upload/youtube/v3/videos"), r => ProtocolStub.Header(r, "Content-Range") is null);
        Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
        Assert.Single(channels.Instagram.Published);
        // The instance has ended, so its mails are sent; the sink has them all once it has kept one sent after them.
        await fixture.Smtp.FlushAsync();
        Assert.Equal(3, fixture.Smtp.Messages.Count(m => m.Subject.Contains(content.Title) && m.Subject.Contains("Siaran Pers")));
        var feed = Services.GetRequiredService<HumasStorage>().Table(HumasStorage.PublishedTable);
        Assert.Single(feed.Query<TableEntity>(e => e.PartitionKey == "website"), e => e.RowKey.EndsWith(id));

        // The second delivery found the first one's posts: the same ids and addresses are the evidence.
        var kept = await Store.GetMarkersAsync<PublicationRecord>(id, "publication-");
        Assert.Equal(["instagram", "media-partner", "website", "wordpress", "youtube"], kept.Select(p => p.Channel).Order());
        Assert.All(kept, p => Assert.Equal(PublicationStatus.Published, p.Status));
        foreach (var first in Crashes.FirstRun[id])
        {
            var second = kept.Single(p => p.Channel == first.Channel);
            Assert.Equal(first.PostId, second.PostId);
            Assert.Equal(first.Url, second.Url);
        }
        Assert.Equal(channels.WordPress.Posts.Single()["link"], kept.Single(p => p.Channel == "wordpress").Url);
        Assert.Equal("https://www.youtube.com/watch?v=" + channels.YouTube.Videos.Single(), kept.Single(p => p.Channel == "youtube").Url);
    }

    [Fact]
    public async Task Instagram_waits_for_a_video_on_durable_timers_that_grow_then_publishes_it()
    {
        channels.Instagram.VideoPollsBeforeReady = 3;
        var id = await ApproveAsync(ChannelSetup.Content(["website", "instagram"]), WorkflowVersions.Current, crash: false, ChannelSetup.Mp4());

        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var container = channels.Instagram.Containers.Keys.Single();
        var looks = channels.Instagram.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/" + container)).ToList();
        // Three answers in progress, then finished; the publication step looks once more before media_publish.
        Assert.Equal(5, looks.Count);
        var pauses = looks.Zip(looks.Skip(1), (a, b) => b.DateTime - a.DateTime).Take(3).ToList();
        var tolerance = TimeSpan.FromMilliseconds(15);
        Assert.True(pauses[0] >= FirstPause - tolerance, $"first pause {pauses[0].TotalMilliseconds} ms");
        Assert.True(pauses[1] >= 2 * FirstPause - tolerance, $"second pause {pauses[1].TotalMilliseconds} ms");
        Assert.True(pauses[2] >= 4 * FirstPause - tolerance, $"third pause {pauses[2].TotalMilliseconds} ms");
        var publish = Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
        Assert.Equal(container, ProtocolStub.Form(publish)["creation_id"]);
        var record = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram");
        Assert.Equal(PublicationStatus.Published, record!.Status);
        Assert.Equal(Assert.Single(channels.Instagram.Published), record.PostId);
    }

    [Fact]
    public async Task A_carousel_with_a_video_waits_for_the_video_before_the_carousel_is_made()
    {
        var id = await ApproveAsync(ChannelSetup.Content(["instagram"]), WorkflowVersions.Current, crash: false,
            ChannelSetup.Jpeg(), ChannelSetup.Mp4());

        Assert.Equal(SubmissionStatus.Published, (await EndAsync(id)).ReadOutputAs<SubmissionStatus>());
        var creates = channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media");
        Assert.Equal(3, creates.Count);
        var video = channels.Instagram.Containers.Single(c => c.Value.Fields.GetValueOrDefault("media_type") == "VIDEO").Key;
        var lastLook = channels.Instagram.Requests.Last(r => r.Method == "GET" && r.Path.EndsWith("/" + video));
        Assert.True(creates[2].DateTime >= lastLook.DateTime, "the carousel was made before its video was processed");
        Assert.Equal("CAROUSEL", ProtocolStub.Form(creates[2])["media_type"]);
        Assert.Single(channels.Instagram.Published);
    }

    [Theory]
    [InlineData("ERROR", "ERROR")]
    [InlineData("IN_PROGRESS", "is still IN_PROGRESS")]
    public async Task A_container_that_fails_or_stays_in_progress_fails_Instagram_alone_and_people_are_told(string processedAs, string reason)
    {
        if (processedAs == "IN_PROGRESS") channels.Instagram.VideoPollsBeforeReady = int.MaxValue;
        else channels.Instagram.VideoProcessedAs = processedAs;
        var content = ChannelSetup.Content(["website", "youtube", "instagram"]);
        var id = await ApproveAsync(content, WorkflowVersions.Current, crash: false, ChannelSetup.Mp4());

        var end = await EndAsync(id);

        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var kept = await Store.GetMarkersAsync<PublicationRecord>(id, "publication-");
        var instagram = kept.Single(p => p.Channel == "instagram");
        Assert.Equal(PublicationStatus.Failed, instagram.Status);
        Assert.Contains(reason, instagram.Reason);
        Assert.Empty(channels.Instagram.Sent("POST", "/media_publish"));
        Assert.All(kept.Where(p => p.Channel != "instagram"), p => Assert.Equal(PublicationStatus.Published, p.Status));
        if (processedAs == "IN_PROGRESS")
        {
            // The pauses add up to the limit (10 x 100 ms) and stop there.
            var looks = channels.Instagram.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/" + channels.Instagram.Containers.Keys.Single())).ToList();
            Assert.True(looks[^1].DateTime - looks[0].DateTime >= 10 * FirstPause - TimeSpan.FromMilliseconds(15));
            Assert.Equal(5, looks.Count); // after 100, 200 and 400 ms, then the 300 ms left of the limit
        }

        await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(content.SubmitterEmail) && m.Subject.Contains(content.Title)
            && m.Subject.Contains("Gagal terbit di instagram"), TimeSpan.FromSeconds(10));
        var toTeam = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor("humas@bbpmp-jateng.example") && m.Subject.Contains(content.Title),
            TimeSpan.FromSeconds(10));
        Assert.Contains(reason, toTeam.TextBody);
    }

    // The staff key is the host's to check (see StaffRoutes); the handler is called as it is once the key was accepted.
    private async Task<(int Status, JsonElement Body)> RetryAsync(string id, string channel)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Response.Body = new MemoryStream();
        var result = await Services.GetRequiredService<PublicationRetryHandler>().RetryAsync(http, host.Client, id, channel);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var doc = await JsonDocument.ParseAsync(http.Response.Body);
        return (http.Response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task An_admin_retries_a_failed_channel_once_it_works_again_and_it_publishes_once()
    {
        var content = ChannelSetup.Content(["website", "instagram"]);
        // Instagram is down for longer than the channel's retries last.
        channels.Instagram.Fail("POST", $"/{ChannelSetup.IgUser}/media", 503, times: 4);
        var id = await ApproveAsync(content, WorkflowVersions.Current, crash: false, ChannelSetup.Mp4());
        await EndAsync(id);

        var failed = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram");
        Assert.Equal(PublicationStatus.Failed, failed!.Status);
        Assert.Contains("HTTP 503", failed.Reason);
        Assert.Equal(1, failed.Attempt);
        Assert.Equal(4, channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media").Count);
        Assert.Empty(channels.Instagram.Published);
        Assert.Equal(SubmissionStatus.Published, (await Store.GetAsync(id))!.Status); // the website went out

        var unknown = await RetryAsync(id, "myspace");
        Assert.Equal(400, unknown.Status);
        Assert.True(unknown.Body.GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(404, (await RetryAsync(id, "youtube")).Status);

        var (status, body) = await RetryAsync(id, "instagram");
        Assert.Equal(202, status);
        Assert.Equal(2, body.GetProperty("attempt").GetInt32());
        // Asked twice, it is one retry.
        var twice = await RetryAsync(id, "instagram");
        Assert.Equal(body.GetProperty("instanceId").GetString(), twice.Body.GetProperty("instanceId").GetString());

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var retried = await host.Client.WaitForInstanceCompletionAsync(body.GetProperty("instanceId").GetString()!, true, wait.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, retried.RuntimeStatus);
        var record = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram");
        Assert.Equal(PublicationStatus.Published, record!.Status);
        Assert.Equal(2, record.Attempt);
        Assert.Equal(Assert.Single(channels.Instagram.Published), record.PostId);

        var again = await RetryAsync(id, "instagram");
        Assert.Equal(409, again.Status);
        Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
    }

    [Fact]
    public async Task A_retry_started_before_version_2_still_runs_the_channel_in_one_activity()
    {
        channels.Instagram.Fail("POST", $"/{ChannelSetup.IgUser}/media", 503, times: 4);
        var id = await ApproveAsync(ChannelSetup.Content(["website", "instagram"]), WorkflowVersions.Current, crash: false, ChannelSetup.Mp4());
        await EndAsync(id);
        Assert.Equal(PublicationStatus.Failed, (await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram"))!.Status);

        // As the release before started it: no version in the input.
        var retry = new ChannelRetry(id, "instagram", 2);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryPublication), retry,
            new StartOrchestrationOptions(RetryPublication.InstanceId(retry)));
        var retried = await EndAsync(RetryPublication.InstanceId(retry), 60);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, retried.RuntimeStatus);
        var record = await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram");
        Assert.Equal(PublicationStatus.Published, record!.Status);
        Assert.Equal(2, record.Attempt);
        Assert.Equal(Assert.Single(channels.Instagram.Published), record.PostId);
    }
}
