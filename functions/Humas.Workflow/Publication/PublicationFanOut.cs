using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// Version 2's publication, run inside the orchestration: the channels are planned, each goes out on its own (an
/// activity, or Instagram's steps with durable timers between them), every one is awaited, and then their records are
/// kept and failures told. A channel that fails does not hold up or fail the others. From version 5 a channel that
/// refuses its credential or has reached its limit waits (its Waiting record kept, then a durable timer) and is tried
/// again, until it goes out or the profile's bound makes it a failure; <paramref name="nextStep"/> numbers the history
/// rows of the waits in the orchestration's own count.
/// </summary>
public sealed class PublicationFanOut(TaskOrchestrationContext context, int version = 2, Func<int>? nextStep = null)
{
    // Per call: a channel's activity that fails (storage, a crash) is tried again alone, the other channels untouched.
    // Passing faults of the channel itself are retried inside the activity, with the channel's backoff.
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    /// <summary>The records as kept, in the planned order, the office's feed first.</summary>
    public async Task<IReadOnlyList<PublicationRecord>> PublishAsync(PublishRequest request)
    {
        var channels = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(PlanPublication), request, Retry);
        var outcomes = await OutcomesAsync(request, channels);
        return await context.CallActivityAsync<IReadOnlyList<PublicationRecord>>(
            nameof(RecordPublication), new PublicationOutcomes(request.SubmissionId, outcomes), Retry);
    }

    /// <summary>Every planned channel tried side by side, each to its end; their records not yet kept, in the planned order.</summary>
    public async Task<IReadOnlyList<PublicationRecord>> OutcomesAsync(PublishRequest request, IReadOnlyList<string> channels) =>
        await Task.WhenAll(channels.Select(c => PublishOnAsync(new ChannelPublication(request.SubmissionId, c, request.At))));

    /// <summary>One channel's try, its record not yet kept.</summary>
    public Task<PublicationRecord> PublishOnAsync(ChannelPublication publication) =>
        version >= 5 && nextStep is not null ? WaitingOutAsync(publication, nextStep) : TryOnceAsync(publication);

    private async Task<PublicationRecord> WaitingOutAsync(ChannelPublication publication, Func<int> step)
    {
        var asked = publication with { MayWait = true };
        while (true)
        {
            var record = await TryOnceAsync(asked);
            // The activity bounds the wait: past the profile's bound it answers the failure, and every pause ends by then.
            if (record.Status != PublicationStatus.Waiting || record.WaitUntil is not { } until) return record;
            await context.CallActivityAsync<bool>(nameof(RecordChannelWait), new ChannelWait(publication.SubmissionId, step(), record), Retry);
            await context.CreateTimer(until.UtcDateTime, CancellationToken.None);
            asked = asked with { WaitingSince = record.WaitingSince };
        }
    }

    private Task<PublicationRecord> TryOnceAsync(ChannelPublication publication) =>
        publication.Channel == InstagramChannel.ChannelName
            ? new InstagramSteps(context, Retry).PublishAsync(publication)
            : context.CallActivityAsync<PublicationRecord>(nameof(PublishToChannel), publication, Retry);
}
