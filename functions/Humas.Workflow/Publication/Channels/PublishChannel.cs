using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

/// <summary>Publishes a submission on one channel: the activity of a retry started before version 2.</summary>
public sealed class PublishChannel(SubmissionStore store, ChannelPublisher channels) : TaskActivity<ChannelRetry, PublicationRecord>
{
    public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, ChannelRetry input)
    {
        var s = await store.GetExistingAsync(input.SubmissionId);
        return await channels.PublishAsync(s, input.Channel, input.Attempt);
    }
}
