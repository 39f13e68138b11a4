using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Takedown;

/// <summary>
/// Takes a published submission down as its own small orchestration, beside the submission's own finished workflow:
/// the channels it is published on (<see cref="PlanTakedown"/>), one activity each (<see cref="TakeDownChannel"/>), then
/// the status (<see cref="RecordTakedown"/>). Once started, a kill at any point is replayed to the end, and every
/// activity finds what an earlier delivery did, so nothing is done twice.
/// </summary>
public sealed class TakedownWorkflow : TaskOrchestrator<TakedownRequest, SubmissionStatus>
{
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    /// <summary>One takedown a submission: asked twice (staff, and a withdrawn consent), it runs once.</summary>
    public static string InstanceId(string submissionId) => $"{submissionId}-takedown";

    public override async Task<SubmissionStatus> RunAsync(TaskOrchestrationContext context, TakedownRequest input)
    {
        var channels = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(PlanTakedown), input.SubmissionId, Retry);
        var records = new List<TakedownRecord>();
        foreach (var channel in channels)
            records.Add(await context.CallActivityAsync<TakedownRecord>(
                nameof(TakeDownChannel), new ChannelTakedown(input.SubmissionId, channel, input.Reason), Retry));
        return await context.CallActivityAsync<SubmissionStatus>(
            nameof(RecordTakedown), new TakedownTotal(input.SubmissionId, input.Reason, input.By, records), Retry);
    }
}
