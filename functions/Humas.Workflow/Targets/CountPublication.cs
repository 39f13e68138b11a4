using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Targets;

/// <summary>
/// Counts a published submission (<see cref="PublicationCounter"/>) from its channels' records as kept. Versions 1 to 5
/// call it after the publication; from version 6 the count is part of <c>FinishPublication</c>.
/// </summary>
public sealed class CountPublication(SubmissionStore store, PublicationCounter counter) : TaskActivity<CountRequest, bool>
{
    public static string What(string submissionId) => PublicationCounter.What(submissionId);

    public override async Task<bool> RunAsync(TaskActivityContext context, CountRequest request)
    {
        var s = await store.GetExistingAsync(request.SubmissionId);
        return await counter.CountAsync(s, await store.GetMarkersAsync<PublicationRecord>(s.Id, WebsiteFeed.PublicationKey("")));
    }
}
