using Azure.Data.Tables;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// Keeps that a channel waits (version 5): its Waiting record where the tracking page and the submission's JSON read
/// the channel's outcome, and a history row. A record that settles the channel already (published by an earlier
/// delivery) stands. Delivered again, it writes the same rows.
/// </summary>
public sealed class RecordChannelWait(SubmissionStore store, HumasStorage storage, ChannelPublisher channels) : TaskActivity<ChannelWait, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ChannelWait wait)
    {
        var record = wait.Record;
        if (await channels.SettledAsync(wait.SubmissionId, record.Channel, record.Attempt) is not null) return false;
        await storage.Table(HumasStorage.SubmissionsTable).UpsertEntityAsync(
            SubmissionStore.Row(wait.SubmissionId, WebsiteFeed.PublicationKey(record.Channel), record), TableUpdateMode.Replace);
        var s = await store.GetExistingAsync(wait.SubmissionId);
        // Channels wait side by side, so their rows may come in either order: neither holds the other back, and the
        // record's last step is never moved back.
        var change = new SubmissionChange(s with { UpdatedAt = record.At }, HistoryEvent.ChannelWaiting,
            Actor: record.Channel, Decision: record.WaitFor, Comment: record.WaitUntil?.ToString("O"));
        await store.SaveAsync(change.After with { LastStep = Math.Max(s.LastStep, wait.Step) }, change.Entry(wait.Step));
        return true;
    }
}
