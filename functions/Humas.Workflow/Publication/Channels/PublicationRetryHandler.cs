using Humas.Workflow.Http;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Publication.Channels;

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
        // A retry would publish again what was taken down.
        if (s.Status == Submissions.SubmissionStatus.TakenDown)
            return Problems.Status(409, "Sudah diturunkan dari publikasi / taken down", $"Status: {s.Status}");
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
