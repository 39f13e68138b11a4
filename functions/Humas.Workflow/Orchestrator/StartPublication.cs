using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// Begins the publication in one activity (workflow version 6), where versions 2 to 5 call two that always run
/// together: the Publishing row (<see cref="RecordTransition"/>) and the channels planned (<see cref="PlanPublication"/>),
/// from the record that row saved. Delivered again, the step is applied already and the same channels are planned.
/// </summary>
public sealed class StartPublication(Transitions transitions, ChannelPublisher channels) : TaskActivity<PublicationStart, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, PublicationStart start)
    {
        var publishing = await transitions.RecordAsync(new Transition(
            start.SubmissionId, start.Step, start.At, SubmissionStatus.Publishing, nameof(HistoryEvent.Publishing)));
        return PlanPublication.For(channels, publishing);
    }
}
