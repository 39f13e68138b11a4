using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Instagram's last step: media_publish of a finished container, the only request that makes a post. A delivery after
/// a crash finds the media id it kept, or the container already PUBLISHED, and does not publish again.
/// </summary>
public sealed class PublishInstagramContainer(SubmissionStore store, InstagramChannel instagram, ChannelPublisher channels, Faults.FaultPoints faults)
    : TaskActivity<InstagramContainerRequest, PublicationRecord>
{
    public override async Task<PublicationRecord> RunAsync(TaskActivityContext context, InstagramContainerRequest request)
    {
        const string channel = InstagramChannel.ChannelName;
        if (await channels.SettledAsync(request.SubmissionId, channel, request.Attempt) is { } earlier) return earlier;
        var s = await store.GetExistingAsync(request.SubmissionId);
        var progress = new ChannelProgress(store, s.Id, channel);
        var (post, failed) = await channels.AttemptAsync(s.Id, channel, request.Attempt,
            ct => instagram.PublishContainerAsync(s, progress, request.Container, ct));
        if (failed is not null) return failed;
        faults.CrashAfter(Faults.FaultPoints.AfterPublication(channel));
        return channels.Published(channel, request.Attempt, post!);
    }
}
