using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// The channels a submission goes out on, the office's own feed first. Which ones are configured is the host's
/// settings, which the orchestrator must not read: the answer is kept in its history, so a replay fans out the same.
/// </summary>
public sealed class PlanPublication(SubmissionStore store, ChannelPublisher channels) : TaskActivity<PublishRequest, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, PublishRequest request) =>
        For(channels, await store.GetExistingAsync(request.SubmissionId));

    public static IReadOnlyList<string> For(ChannelPublisher channels, Submission s) => [WebsiteFeed.Channel, .. channels.Targets(s)];
}
