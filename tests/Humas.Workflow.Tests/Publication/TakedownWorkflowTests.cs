using System.Collections.Concurrent;
using Azure.Data.Tables;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Takedown;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// The takedown orchestration on the in-process engine against the channel stubs: a published item is taken off every
/// channel once, even when each channel's activity is delivered twice, and the submission ends TakenDown.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class TakedownWorkflowTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private DurableTaskTestHost host = null!;
    private IServiceProvider Services => host.Services;
    private SubmissionStore Store => Services.GetRequiredService<SubmissionStore>();

    /// <summary>The submissions whose channel takedowns crash once after the channel has acted, and how often each ran.</summary>
    private static readonly ConcurrentDictionary<string, bool> CrashOnce = new();
    private static readonly ConcurrentDictionary<string, int> Deliveries = new();

    public async Task InitializeAsync()
    {
        var configuration = WorkflowHost.Settings(fixture, channels.Settings());
        host = await TestHosts.StartAsync(registry =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators) registry.AddOrchestrator(type);
            foreach (var type in WorkflowCatalog.Activities.Except([typeof(TakeDownChannel)])) registry.AddActivity(type);
            registry.AddActivity(new TaskName(nameof(TakeDownChannel)), typeof(TakeDownThenCrash));
        }, new DurableTaskTestHostOptions { ConfigureServices = services => services.AddHumasWorkflow(configuration) });
        await Services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        channels.Dispose();
    }

    /// <summary>The real activity, failing once after the channel acted and before it answered: the engine delivers it again.</summary>
    public sealed class TakeDownThenCrash(IServiceProvider services) : TaskActivity<ChannelTakedown, TakedownRecord>
    {
        public override async Task<TakedownRecord> RunAsync(TaskActivityContext context, ChannelTakedown input)
        {
            var record = await ActivatorUtilities.CreateInstance<TakeDownChannel>(services).RunAsync(context, input);
            if (Deliveries.AddOrUpdate($"{input.SubmissionId}/{input.Channel}", 1, (_, n) => n + 1) == 1 && CrashOnce.ContainsKey(input.SubmissionId))
                throw new InvalidOperationException($"Crashed after taking down {input.Channel}, before the activity returned.");
            return record;
        }
    }

    private async Task<string> PublishedAsync(SubmissionContent content, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var s = await ChannelSetup.StoreAsync(Services, content, files);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            WorkflowHost.Input(s.Id, version: WorkflowVersions.Current), new StartOrchestrationOptions(s.Id));
        foreach (var (stage, decision) in new[] { (Stage.Review, DecisionValues.Accept), (Stage.Approval, DecisionValues.Approve) })
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while ((await Store.GetAsync(s.Id))?.WaitingStage != stage && DateTime.UtcNow < until) await Task.Delay(100);
            await host.Client.RaiseEventAsync(s.Id, WorkflowEvents.For(stage, 1),
                new DecisionMade(stage, 1, decision, null, stage == Stage.Review ? "reviewer" : "kabag-umum", "Pemutus", DateTimeOffset.UtcNow));
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var end = await host.Client.WaitForInstanceCompletionAsync(s.Id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        return s.Id;
    }

    private async Task<OrchestrationMetadata> TakeDownAsync(string id, string reason)
    {
        var instanceId = await Services.GetRequiredService<Takedowns>().StartAsync(host.Client, id, reason, "Tim Humas", CancellationToken.None);
        Assert.Equal(TakedownWorkflow.InstanceId(id), instanceId);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    [Fact]
    public async Task A_takedown_delivered_twice_after_crashes_removes_the_item_from_every_channel_once()
    {
        var content = ChannelSetup.Content(["website", "youtube", "instagram"]);
        var id = await PublishedAsync(content, ChannelSetup.Jpeg(), ChannelSetup.Mp4());
        var post = Assert.Single(channels.WordPress.Posts);
        var image = Assert.Single(channels.WordPress.Media).Key;
        var video = Assert.Single(channels.YouTube.Videos);
        CrashOnce[id] = true;

        var end = await TakeDownAsync(id, "Persetujuan wali ditarik");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.TakenDown, end.ReadOutputAs<SubmissionStatus>());
        foreach (var channel in new[] { "website", "wordpress", "youtube", "instagram" })
            Assert.True(Deliveries.GetValueOrDefault($"{id}/{channel}") == 2, $"{channel} was delivered {Deliveries.GetValueOrDefault($"{id}/{channel}")} times");

        // WordPress: the post in the trash (trashed once: a second DELETE would have been a 410), its image deleted for good.
        Assert.Equal("trash", post["status"]);
        Assert.Single(channels.WordPress.Requests, r => r.Method == "DELETE" && r.Path == $"/wp-json/wp/v2/posts/{post["id"]}");
        Assert.False(channels.WordPress.Media.ContainsKey(image));
        Assert.Single(channels.WordPress.Requests, r => r.Method == "DELETE" && r.Path == $"/wp-json/wp/v2/media/{image}");
        // YouTube: set private once, through videos.update.
        Assert.Equal("private", channels.YouTube.Privacy[video]);
        Assert.Single(channels.YouTube.Requests, r => r.Method == "PUT" && r.Path == "/youtube/v3/videos");
        // The feed no longer has it.
        var feed = Services.GetRequiredService<HumasStorage>().Table(HumasStorage.PublishedTable);
        Assert.DoesNotContain(feed.Query<TableEntity>(e => e.PartitionKey == "website"), e => e.RowKey.EndsWith(id));
        // Instagram cannot delete: the Humas team got the task with the post's address, once.
        var instagram = (await Store.GetMarkerAsync<PublicationRecord>(id, "publication-instagram"))!;
        await fixture.Smtp.FlushAsync();
        var task = Assert.Single(fixture.Smtp.Messages, m => m.IsFor("humas@bbpmp-jateng.example") && m.Subject.Contains(content.Title) && m.Subject.Contains("Instagram"));
        Assert.Contains(instagram.Url!, task.HtmlBody ?? task.TextBody);

        // Each channel once in the history and in the evidence, then the status with its reason.
        var history = await Store.GetHistoryAsync(id);
        var steps = history.Where(h => h.Event == HistoryEvent.TakedownStep).ToList();
        Assert.Equal(["instagram", "website", "wordpress", "youtube"], steps.Select(h => h.Decision!).Order());
        var last = history[^1];
        Assert.Equal(HistoryEvent.TakenDown, last.Event);
        Assert.Equal("Persetujuan wali ditarik", last.Comment);
        Assert.Equal(SubmissionStatus.TakenDown, (await Store.GetAsync(id))!.Status);
        var evidence = await Store.GetMarkersAsync<TakedownRecord>(id, WebsiteFeed.TakedownKey(""));
        Assert.Equal(TakedownOutcomes.Removed, evidence.Single(r => r.Channel == "wordpress").Outcome);
        Assert.Equal(TakedownOutcomes.Removed, evidence.Single(r => r.Channel == "website").Outcome);
        Assert.Equal(TakedownOutcomes.MadePrivate, evidence.Single(r => r.Channel == "youtube").Outcome);
        Assert.Equal(TakedownOutcomes.TaskMailed, evidence.Single(r => r.Channel == "instagram").Outcome);
        Assert.Equal(video, evidence.Single(r => r.Channel == "youtube").PostId);
    }

    [Fact]
    public async Task A_second_takedown_of_the_same_item_starts_nothing_new()
    {
        var id = await PublishedAsync(ChannelSetup.Content(["website"]), ChannelSetup.Jpeg());
        await TakeDownAsync(id, "Diminta staf");

        var again = await TakeDownAsync(id, "Persetujuan ditarik");

        Assert.Equal(SubmissionStatus.TakenDown, again.ReadOutputAs<SubmissionStatus>());
        var history = await Store.GetHistoryAsync(id);
        Assert.Single(history, h => h.Event == HistoryEvent.TakenDown);
        Assert.Equal("Diminta staf", history.Single(h => h.Event == HistoryEvent.TakenDown).Comment);
        Assert.Equal(2, history.Count(h => h.Event == HistoryEvent.TakedownStep)); // website and wordpress
    }

    [Fact]
    public async Task A_channel_that_keeps_refusing_is_mailed_to_the_team_and_the_rest_still_goes_down()
    {
        var content = ChannelSetup.Content(["website", "youtube"]);
        var id = await PublishedAsync(content, ChannelSetup.Mp4());
        var video = Assert.Single(channels.YouTube.Videos);
        // The video is gone from the stub: videos.update answers 404 videoNotFound, a refusal retries do not change.
        channels.YouTube.Forget(video);

        var end = await TakeDownAsync(id, "Diminta staf");

        Assert.Equal(SubmissionStatus.TakenDown, end.ReadOutputAs<SubmissionStatus>());
        var youtube = (await Store.GetMarkerAsync<TakedownRecord>(id, WebsiteFeed.TakedownKey("youtube")))!;
        Assert.Equal(TakedownOutcomes.Failed, youtube.Outcome);
        Assert.Contains("404", youtube.Reason);
        await fixture.Smtp.WaitForMessageAsync(m => m.IsFor("humas@bbpmp-jateng.example") && m.Subject.Contains(content.Title) && m.Subject.Contains("YouTube"),
            TimeSpan.FromSeconds(10));
        Assert.Equal(TakedownOutcomes.Removed, (await Store.GetMarkerAsync<TakedownRecord>(id, WebsiteFeed.TakedownKey("website")))!.Outcome);
    }
}
