using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Targets;
using Microsoft.DurableTask;

namespace Humas.Workflow.Takedown;

/// <summary>
/// The end of a takedown: the status TakenDown with its reason (once), and, where the profile's rule says so
/// (<see cref="TakedownCounting.Uncount"/>), the item taken back out of the targets.
/// </summary>
public sealed class RecordTakedown(SubmissionStore store, ProgressStore progress, UnitProfile unit, TimeProvider clock)
    : TaskActivity<TakedownTotal, SubmissionStatus>
{
    public override async Task<SubmissionStatus> RunAsync(TaskActivityContext context, TakedownTotal input)
    {
        var s = await store.GetExistingAsync(input.SubmissionId);
        if (s.Status == SubmissionStatus.Published)
            s = (await store.ApplyNextAsync(s.Id, x => x.TakeDown(clock.GetUtcNow(), input.Reason, input.By))).After;
        if (unit.Takedown == TakedownCounting.Uncount)
        {
            var first = (await store.GetMarkersAsync<PublicationRecord>(s.Id, WebsiteFeed.PublicationKey("")))
                .Where(p => p.Status == PublicationStatus.Published).Select(p => (DateTimeOffset?)p.At).Min();
            if (first is { } at) await progress.UncountAsync(new CountedFacts { At = at }.Year, CountPublication.What(s.Id));
        }
        return s.Status;
    }
}
