using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>Publication inside the real orchestration on the in-process engine: repeated deliveries and the admin's retry.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class PublicationWorkflowTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private DurableTaskTestHost host = null!;
    private IServiceProvider Services => host.Services;
    private SubmissionStore Store => Services.GetRequiredService<SubmissionStore>();

    public async Task InitializeAsync()
    {
        var configuration = WorkflowHost.Settings(fixture, channels.Settings());
        host = await TestHosts.StartAsync(registry =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators) registry.AddOrchestrator(type);
            foreach (var type in WorkflowCatalog.Activities.Where(t => t != typeof(PublishSubmission))) registry.AddActivity(type);
            // The real activity, made to fail after it has posted: the engine must deliver it again.
            registry.AddActivity(new TaskName(nameof(PublishSubmission)), typeof(PublishThenCrash));
        }, new DurableTaskTestHostOptions { ConfigureServices = services => services.AddHumasWorkflow(configuration) });
        await Services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        channels.Dispose();
    }

    /// <summary>
    /// Runs the real PublishSubmission, then, on its first delivery for a submission marked to crash, loses every publication record it
    /// wrote (as a crash before the evidence reached storage would) and fails before returning.
    /// </summary>
    public sealed class PublishThenCrash(IServiceProvider services, HumasStorage storage) : TaskActivity<PublishRequest, IReadOnlyList<PublicationRecord>>
    {
        public static readonly ConcurrentDictionary<string, bool> CrashOnce = new();
        public static readonly ConcurrentDictionary<string, int> Deliveries = new();
        public static readonly ConcurrentDictionary<string, IReadOnlyList<PublicationRecord>> FirstRun = new();

        public override async Task<IReadOnlyList<PublicationRecord>> RunAsync(TaskActivityContext context, PublishRequest input)
        {
            var records = await ActivatorUtilities.CreateInstance<PublishSubmission>(services).RunAsync(context, input);
            if (Deliveries.AddOrUpdate(input.SubmissionId, 1, (_, n) => n + 1) > 1 || !CrashOnce.ContainsKey(input.SubmissionId)) return records;
            FirstRun[input.SubmissionId] = records;
            var table = storage.Table(HumasStorage.SubmissionsTable);
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == input.SubmissionId))
                if (row.RowKey.StartsWith("publication-", StringComparison.Ordinal))
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            throw new InvalidOperationException("Crashed after posting, before the activity returned.");
        }
    }

    private async Task<string> ApproveAsync(SubmissionContent content, bool crash, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var s = await ChannelSetup.StoreAsync(Services, content, files);
        if (crash) PublishThenCrash.CrashOnce[s.Id] = true;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            new WorkflowInput(s.Id, WorkflowHost.Timings(), null), new StartOrchestrationOptions(s.Id));
        foreach (var (stage, decision) in new[] { (Stage.Review, DecisionValues.Accept), (Stage.Approval, DecisionValues.Approve) })
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while ((await Store.GetAsync(s.Id))?.WaitingStage != stage && DateTime.UtcNow < until) await Task.Delay(100);
            await host.Client.RaiseEventAsync(s.Id, WorkflowEvents.For(stage, 1),
                new DecisionMade(stage, 1, decision, null, stage == Stage.Review ? "reviewer" : "kabag-umum", "Pemutus", DateTimeOffset.UtcNow));
        }
        return s.Id;
    }

    [Fact]
    public async Task A_publication_delivered_twice_after_a_crash_posts_once_on_every_channel()
    {
        var content = ChannelSetup.Content(["website", "youtube", "instagram", "media-partner"]);
        var id = await ApproveAsync(content, crash: true, ChannelSetup.Jpeg(), ChannelSetup.Mp4());

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var end = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Equal(2, PublishThenCrash.Deliveries[id]);

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
        foreach (var first in PublishThenCrash.FirstRun[id])
        {
            var second = kept.Single(p => p.Channel == first.Channel);
            Assert.Equal(first.PostId, second.PostId);
            Assert.Equal(first.Url, second.Url);
        }
        Assert.Equal(channels.WordPress.Posts.Single()["link"], kept.Single(p => p.Channel == "wordpress").Url);
        Assert.Equal("https://www.youtube.com/watch?v=" + channels.YouTube.Videos.Single(), kept.Single(p => p.Channel == "youtube").Url);
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
        var id = await ApproveAsync(content, crash: false, ChannelSetup.Jpeg());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await host.Client.WaitForInstanceCompletionAsync(id, cts.Token);

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
}
