using Humas.Workflow.Orchestration;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

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
