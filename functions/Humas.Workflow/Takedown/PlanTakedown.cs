using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Takedown;

/// <summary>The channels a submission is published on, the built-in feed first: those a takedown goes through.</summary>
public sealed class PlanTakedown(SubmissionStore store) : TaskActivity<string, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string submissionId) =>
        (await store.GetMarkersAsync<PublicationRecord>(submissionId, WebsiteFeed.PublicationKey("")))
        .Where(p => p.Status == PublicationStatus.Published)
        .Select(p => p.Channel)
        .OrderBy(c => c == WebsiteFeed.Channel ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal)
        .ToList();
}
