using DurableTask.Core;
using DurableTask.Core.History;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// One run of the orchestrator as the engine recorded it: from OrchestratorStarted, the events that arrived for it
/// (started, a task done, a timer fired, an event raised), the actions it took, to OrchestratorCompleted.
/// </summary>
public sealed record Episode(int Number, int Start, int End, IReadOnlyList<HistoryEvent> Incoming, IReadOnlyList<HistoryEvent> Actions)
{
    public static bool IsAction(HistoryEvent e) => e.EventType is EventType.TaskScheduled or EventType.TimerCreated
        or EventType.SubOrchestrationInstanceCreated or EventType.EventSent or EventType.ExecutionCompleted
        or EventType.ExecutionFailed or EventType.ContinueAsNew;

    /// <summary>
    /// Episodes by position: <see cref="Start"/> is the index of the episode's OrchestratorStarted, <see cref="End"/>
    /// the index just past its last event. An episode still open at the end (no OrchestratorCompleted) counts too.
    /// </summary>
    public static IReadOnlyList<Episode> Split(IReadOnlyList<HistoryEvent> history)
    {
        var starts = history.Select((e, i) => (e, i)).Where(x => x.e.EventType == EventType.OrchestratorStarted).Select(x => x.i).ToList();
        if (starts.Count == 0 || starts[0] != 0)
            throw new InvalidDataException("A history begins with OrchestratorStarted.");
        var episodes = new List<Episode>();
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1] : history.Count;
            var events = history.Skip(start + 1).Take(end - start - 1).Where(e => e.EventType != EventType.OrchestratorCompleted).ToList();
            episodes.Add(new Episode(k + 1, start, end, events.Where(e => !IsAction(e)).ToList(), events.Where(IsAction).ToList()));
        }
        return episodes;
    }
}
