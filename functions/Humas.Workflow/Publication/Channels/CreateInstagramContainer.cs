using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Instagram's first step, and the step after each carousel item is ready: makes the containers that need no wait
/// (or finds those an earlier try kept) and answers the one to wait for. It never waits itself.
/// </summary>
public sealed class CreateInstagramContainer(SubmissionStore store, InstagramChannel instagram, ChannelPublisher channels)
    : TaskActivity<ChannelPublication, InstagramContainer>
{
    public override async Task<InstagramContainer> RunAsync(TaskActivityContext context, ChannelPublication publication)
    {
        var (first, limit) = instagram.StatusWait;
        InstagramContainer Ended(Orchestration.PublicationRecord outcome) => new(null, false, first, limit, outcome);

        const string channel = InstagramChannel.ChannelName;
        if (await channels.SettledAsync(publication.SubmissionId, channel, publication.Attempt) is { } earlier) return Ended(earlier);
        if (!instagram.IsConfigured) return Ended(channels.NotConfigured(channel, publication.Attempt));
        var s = await store.GetExistingAsync(publication.SubmissionId);
        var progress = new ChannelProgress(store, s.Id, channel);
        var (next, failed) = await channels.AttemptAsync(publication, ct => instagram.PrepareAsync(s, progress, ct, publication.MayWait));
        if (failed is not null) return Ended(failed); // a Waiting one too: the orchestration waits, then begins again
        if (next!.Post is { } post) return Ended(channels.Published(channel, publication.Attempt, post));
        return new(next.Container, next.Publishable, first, limit);
    }
}
