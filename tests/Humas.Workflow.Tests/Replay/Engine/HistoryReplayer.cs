using System.Globalization;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// Replays a recorded history on the current orchestrator classes, episode by episode, the way the engine's
/// dispatcher runs them: the earlier episodes as past events, the episode's own arrivals as new events, through
/// DurableTaskShimFactory and TaskOrchestrationExecutor as the local host has them. The actions the code takes now
/// must be the actions recorded then; otherwise an instance waiting at that point would break after the release.
/// </summary>
public static class HistoryReplayer
{
    // The local host's own settings (LocalEngineHostedService): default shim options, failure details on.
    private static readonly DurableTaskShimFactory Shims = new(null, NullLoggerFactory.Instance);

    public static ReplayReport Replay(string fixture, IReadOnlyList<TableEntity> rows)
    {
        IReadOnlyList<HistoryEvent> history;
        try
        {
            history = HistoryEvents.FromRows(rows);
        }
        catch (InvalidDataException e)
        {
            return new ReplayReport(fixture, "?", 0, 0, $"{fixture}: the rows do not read as a history: {e.Message}");
        }

        var started = history.OfType<ExecutionStartedEvent>().FirstOrDefault();
        if (started is null) return new ReplayReport(fixture, "?", 0, 0, $"{fixture}: the history has no ExecutionStarted event.");
        var name = started.Name;
        var orchestrator = WorkflowCatalog.Orchestrators.FirstOrDefault(t => t.Name == name);
        if (orchestrator is null)
            return new ReplayReport(fixture, name, 0, 0,
                $"{fixture}: it was started as orchestrator '{name}', which this release no longer has (it has {string.Join(", ", WorkflowCatalog.Orchestrators.Select(t => t.Name))}).");

        var episodes = Episode.Split(history);
        for (var k = 0; k < episodes.Count; k++)
        {
            var episode = episodes[k];
            if (ReplayEpisode(rows, episode, orchestrator) is { } difference)
                return new ReplayReport(fixture, name, episodes.Count, k,
                    $"{fixture}: episode {episode.Number} of {episodes.Count} ({Arrivals(episode)}): {difference}");
        }
        return new ReplayReport(fixture, name, episodes.Count, episodes.Count, null);
    }

    /// <summary>The first difference between the recorded and the produced actions of one episode; null when there is none.</summary>
    private static string? ReplayEpisode(IReadOnlyList<TableEntity> rows, Episode episode, Type orchestratorType)
    {
        // Fresh events for every run: the executor marks the ones it has played.
        var history = HistoryEvents.FromRows(rows);
        var state = new OrchestrationRuntimeState(history.Take(episode.Start).ToList());
        state.AddEvent(history[episode.Start]);
        foreach (var arrival in history.Skip(episode.Start + 1).Take(episode.End - episode.Start - 1).Where(e => !Episode.IsAction(e) && e.EventType != EventType.OrchestratorCompleted))
            state.AddEvent(arrival);

        List<OrchestratorAction> produced;
        try
        {
            var orchestrator = (ITaskOrchestrator)Activator.CreateInstance(orchestratorType)!;
            var orchestration = Shims.CreateOrchestration(new TaskName(orchestratorType.Name), orchestrator);
            var executor = new TaskOrchestrationExecutor(state, orchestration, BehaviorOnContinueAsNew.Carryover, null, ErrorPropagationMode.UseFailureDetails);
            produced = executor.Execute().Actions.OrderBy(a => a.Id).ToList();
        }
        catch (Exception e)
        {
            return $"the replay threw {e.GetType().Name}: {e.Message}";
        }

        var recorded = episode.Actions.OrderBy(e => e.EventId).ToList();
        for (var i = 0; i < Math.Max(recorded.Count, produced.Count); i++)
        {
            var expected = i < recorded.Count ? Describe(recorded[i]) : null;
            var actual = i < produced.Count ? Describe(produced[i]) : null;
            if (expected == actual) continue;
            if (expected is null) return $"first difference at event #{produced[i].Id}: recorded nothing more, replay produced {actual}.";
            var at = $"first difference at event #{recorded[i].EventId} {recorded[i].EventType}";
            return actual is null
                ? $"{at}: recorded {expected}, replay produced nothing more."
                : $"{at}: recorded {expected}, replay produced {actual}.";
        }
        return null;
    }

    /// <summary>An action event as it was recorded, in the same words <see cref="Describe(OrchestratorAction)"/> uses.</summary>
    public static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => $"#{t.EventId} TaskScheduled '{t.Name}'",
        TimerCreatedEvent t => $"#{t.EventId} TimerCreated firing at {Time(t.FireAt)}",
        SubOrchestrationInstanceCreatedEvent s => $"#{s.EventId} SubOrchestrationInstanceCreated '{s.Name}' ({s.InstanceId})",
        EventSentEvent s => $"#{s.EventId} EventSent '{s.Name}' to {s.InstanceId}",
        ContinueAsNewEvent c => $"#{c.EventId} ExecutionCompleted ContinuedAsNew",
        ExecutionCompletedEvent c => $"#{c.EventId} ExecutionCompleted {c.OrchestrationStatus}{Failure(c.FailureDetails)}",
        _ => $"#{e.EventId} {e.EventType}",
    };

    /// <summary>An action the replay produced, named after the event the engine would record for it.</summary>
    public static string Describe(OrchestratorAction a) => a switch
    {
        ScheduleTaskOrchestratorAction t => $"#{t.Id} TaskScheduled '{t.Name}'",
        CreateTimerOrchestratorAction t => $"#{t.Id} TimerCreated firing at {Time(t.FireAt)}",
        CreateSubOrchestrationAction s => $"#{s.Id} SubOrchestrationInstanceCreated '{s.Name}' ({s.InstanceId})",
        SendEventOrchestratorAction s => $"#{s.Id} EventSent '{s.EventName}' to {s.Instance?.InstanceId}",
        OrchestrationCompleteOrchestratorAction c => $"#{c.Id} ExecutionCompleted {c.OrchestrationStatus}{Failure(c.FailureDetails)}",
        _ => $"#{a.Id} {a.OrchestratorActionType}",
    };

    private static string Arrivals(Episode episode) =>
        episode.Incoming.Count == 0 ? "nothing arrived" : "after " + string.Join(", ", episode.Incoming.Select(e => e switch
        {
            ExecutionStartedEvent s => $"ExecutionStarted '{s.Name}'",
            TaskCompletedEvent t => $"TaskCompleted of #{t.TaskScheduledId}",
            TaskFailedEvent t => $"TaskFailed of #{t.TaskScheduledId}",
            TimerFiredEvent t => $"TimerFired of #{t.TimerId}",
            EventRaisedEvent r => $"EventRaised '{r.Name}'",
            SubOrchestrationInstanceCompletedEvent s => $"SubOrchestrationInstanceCompleted of #{s.TaskScheduledId}",
            SubOrchestrationInstanceFailedEvent s => $"SubOrchestrationInstanceFailed of #{s.TaskScheduledId}",
            _ => e.EventType.ToString(),
        }));

    private static string Failure(FailureDetails? failure) =>
        failure is null ? "" : $" ({failure.ErrorType}: {failure.ErrorMessage})";

    private static string Time(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
