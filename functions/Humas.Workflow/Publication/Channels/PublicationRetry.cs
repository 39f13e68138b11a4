using Humas.Workflow.Http;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Publication.Channels;

/// <summary>An admin's retry of one channel: try number <paramref name="Attempt"/> of that channel.</summary>
/// <param name="Version">
/// The workflow version of the release that started the retry; absent in retries started before version 2, which
/// ran the channel in one activity.
/// </param>
public sealed record ChannelRetry(string SubmissionId, string Channel, int Attempt, int? Version = null);

/// <summary>
/// Retries one failed channel as its own small orchestration, so the try is delivered at least once and, through
/// the attempt number, acts at most once. Since version 2 it takes the channel's own steps, as the workflow's
/// publication does (Instagram waits on durable timers), then keeps the record and tells a failure.
/// </summary>
public sealed class RetryPublication : TaskOrchestrator<ChannelRetry, PublicationRecord>
{
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    public static string InstanceId(ChannelRetry r) => $"{r.SubmissionId}-retry-{r.Channel}-{r.Attempt}";

    public override async Task<PublicationRecord> RunAsync(TaskOrchestrationContext context, ChannelRetry input)
    {
        // A retry started by the release before replays the one activity it called.
        if (input.Version is null or < 2) return await context.CallActivityAsync<PublicationRecord>(nameof(PublishChannel), input, Retry);
        var at = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var record = await new PublicationFanOut(context).PublishOnAsync(new ChannelPublication(input.SubmissionId, input.Channel, at, input.Attempt));
        var kept = await context.CallActivityAsync<IReadOnlyList<PublicationRecord>>(
            nameof(RecordPublication), new PublicationOutcomes(input.SubmissionId, [record]), Retry);
        return kept[0];
    }
}

/// <summary>Publishes a submission on one channel: the activity of a retry started before version 2.</summary>
public sealed class PublishChannel(SubmissionStore store, ChannelPublisher channels) : TaskActivity<ChannelRetry, PublicationRecord>
{
    public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, ChannelRetry input)
    {
        var s = await store.GetExistingAsync(input.SubmissionId);
        return await channels.PublishAsync(s, input.Channel, input.Attempt);
    }
}

/// <summary>POST /api/submissions/{id}/publications/{channel}/retry (staff): starts the retry of a failed or unconfigured channel.</summary>
public sealed class PublicationRetryHandler(SubmissionStore store, ChannelPublisher channels)
{
    public async Task<IResult> RetryAsync(HttpContext http, DurableTaskClient client, string id, string channel)
    {
        var ct = http.RequestAborted;
        if (!channels.Knows(channel))
            return Problems.Field(400, "channel", $"Kanal tidak dikenal / unknown channel '{channel}'");
        var s = await store.GetAsync(id, ct);
        if (s is null) return Problems.Field(404, "id", "Pengajuan tidak ditemukan / submission not found");
        var record = await store.GetMarkerAsync<PublicationRecord>(id, WebsiteFeed.PublicationKey(channel), ct);
        if (record is null)
            return Problems.Field(404, "channel", $"Belum ada publikasi di kanal ini / nothing was published on '{channel}' yet");
        if (record.Status == PublicationStatus.Published)
            return Problems.Field(409, "channel", $"Sudah terbit / already published: {record.Url ?? record.PostId}");

        var retry = new ChannelRetry(id, channel, record.Attempt + 1, WorkflowVersions.Current);
        var instanceId = RetryPublication.InstanceId(retry);
        // The same retry asked twice (a double click) starts one orchestration.
        if (await client.GetInstanceAsync(instanceId, ct) is null)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryPublication), retry, new StartOrchestrationOptions(instanceId), ct);
            }
            catch (Exception)
            {
                // Another request may have started it between the look and the start; anything else is a real fault.
                if (await client.GetInstanceAsync(instanceId, ct) is null) throw;
            }
        }
        var statusUrl = $"/api/submissions/{id}";
        return new WithLocation(Results.Json(new { id, channel, attempt = retry.Attempt, instanceId, statusUrl }, statusCode: 202), statusUrl);
    }
}
