using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Targets = Humas.Workflow.Targets;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// Ends the publication in one activity (workflow version 6), where versions 2 to 5 call three that always run together:
/// each channel's record kept and its failure told (<see cref="RecordPublication"/>), the count when one was published
/// (<see cref="Targets.CountPublication"/>), and the close, Published or PublicationFailed, with the submitter's mail
/// (<see cref="RecordTransition"/>). It answers the records as kept.
/// </summary>
/// <remarks>
/// Each part is kept once on its own, in this order, so a delivery again after a crash between two of them does only
/// what is left: a record kept stands (and a failure mail has its marker), the count has its marker, the close its step
/// and its mail its marker.
/// </remarks>
public sealed class FinishPublication(SubmissionStore store, ChannelPublisher channels, Targets.PublicationCounter counter, Transitions transitions)
    : TaskActivity<PublicationFinish, IReadOnlyList<PublicationRecord>>
{
    public override async Task<IReadOnlyList<PublicationRecord>> RunAsync(TaskActivityContext context, PublicationFinish finish)
    {
        var s = await store.GetExistingAsync(finish.SubmissionId);
        var kept = await RecordPublication.KeepAsync(channels, s, finish.Outcomes);
        var published = kept.Any(p => p.Status == PublicationStatus.Published);
        if (published) await counter.CountAsync(s, kept);
        var (status, @event) = published
            ? (SubmissionStatus.Published, HistoryEvent.Published)
            : (SubmissionStatus.PublicationFailed, HistoryEvent.PublicationFailed);
        await transitions.RecordAsync(new Transition(s.Id, finish.Step, finish.At, status, @event.ToString(), NotifySubmitter: true), kept);
        return kept;
    }
}
