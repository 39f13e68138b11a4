using Humas.Workflow.Orchestration;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Instagram's publication as the orchestrator drives it: make the container, ask its status, and while Instagram is
/// still processing it wait on a durable timer and ask again, then publish it. A video takes minutes to process; the
/// wait is the orchestration's, so no worker is held and a restarted host goes on from the last timer. The pauses
/// grow from the configured first one up to a minute, bounded in all by the configured limit.
/// </summary>
public sealed class InstagramSteps(TaskOrchestrationContext context, TaskOptions retry)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    public async Task<PublicationRecord> PublishAsync(ChannelPublication publication)
    {
        while (true)
        {
            var next = await context.CallActivityAsync<InstagramContainer>(nameof(CreateInstagramContainer), publication, retry);
            if (next.Outcome is { } outcome) return outcome;
            var container = new InstagramContainerRequest(publication.SubmissionId, next.Id!, publication.Attempt);
            if (await WaitUntilReadyAsync(container, next) is { } failed) return failed;
            if (next.Publishable)
                return await context.CallActivityAsync<PublicationRecord>(nameof(PublishInstagramContainer), container, retry);
            // A carousel item is ready: the next step makes the next item, or the carousel.
        }
    }

    /// <summary>Null once the container is ready; the channel's Failed record when it failed or stayed in progress too long.</summary>
    private async Task<PublicationRecord?> WaitUntilReadyAsync(InstagramContainerRequest container, InstagramContainer wait)
    {
        var waited = TimeSpan.Zero;
        var pause = wait.FirstWait;
        var longest = pause > LongestPause ? pause : LongestPause;
        while (true)
        {
            var status = await context.CallActivityAsync<InstagramContainerStatus>(nameof(CheckInstagramContainer), container, retry);
            if (status.Failed is { } failed) return failed;
            if (status.Code is "FINISHED" or "PUBLISHED") return null;
            if (status.Code is "ERROR" or "EXPIRED") return Failed(container, $"Instagram container {container.Container}: {status.Code}");
            if (waited >= wait.WaitLimit || pause <= TimeSpan.Zero)
                return Failed(container, $"Instagram container {container.Container} is still {status.Code}");
            var next = pause < wait.WaitLimit - waited ? pause : wait.WaitLimit - waited;
            await context.CreateTimer(next, CancellationToken.None);
            waited += next;
            pause = pause * 2 < longest ? pause * 2 : longest;
        }
    }

    private PublicationRecord Failed(InstagramContainerRequest container, string reason) =>
        new(InstagramChannel.ChannelName, PublicationStatus.Failed, null, null,
            new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), null, container.Attempt, reason);
}
