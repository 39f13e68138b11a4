using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// One channel's try, in an activity of its own: the office's feed, or an outside channel through its adapter (every
/// channel but Instagram, whose steps the orchestrator drives). It answers the channel's record without keeping it
/// (<see cref="RecordPublication"/> does); a delivery after a crash finds the feed's marker, the record an earlier
/// run kept, or the post the adapter made, and does not post twice.
/// </summary>
public sealed class PublishToChannel(SubmissionStore store, WebsiteFeed website, ChannelPublisher channels, Faults.FaultPoints faults)
    : TaskActivity<ChannelPublication, PublicationRecord>
{
    public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, ChannelPublication publication)
    {
        var s = await store.GetExistingAsync(publication.SubmissionId);
        if (publication.Channel != WebsiteFeed.Channel) return await channels.TryAsync(s, publication);
        var record = await website.PublishAsync(s, publication.At);
        faults.CrashAfter(Faults.FaultPoints.AfterPublication(WebsiteFeed.Channel));
        return record;
    }
}
