using System.Globalization;
using Azure.Data.Tables;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// Where an orchestration's time goes, read from the engine's history: each activity from the moment the orchestrator
/// scheduled it to the moment it completed (the queue and the run), each wait from the activity before it to the event, and the
/// rest (the orchestrator's own episodes between them), as medians over the instances. The workflow and the bare
/// orchestration have the same steps, so the two side by side say which step the difference is made in.
/// </summary>
public sealed record StepTimes(IReadOnlyList<(string Step, double Median)> Steps, double Between, double Total)
{
    public static async Task<StepTimes> ReadAsync(TableServiceClient tables, string taskHub, IReadOnlyList<string> instanceIds)
    {
        var history = tables.GetTableClient(taskHub + "History");
        var perInstance = new List<(List<(string Step, double Ms)> Steps, double Between, double Total)>();
        foreach (var id in instanceIds)
        {
            var steps = new List<(string, double)>();
            var scheduled = new Dictionary<int, (string Name, DateTimeOffset At)>();
            DateTimeOffset? started = null, completed = null, lastDone = null;
            await foreach (var row in history.QueryAsync<TableEntity>(r => r.PartitionKey == id,
                               select: ["EventType", "Name", "EventId", "TaskScheduledId", "_Timestamp"]))
            {
                // The engine keeps an event's own time in _Timestamp (Timestamp is the row's).
                if (row.GetDateTimeOffset("_Timestamp") is not { } at) continue;
                switch (row.GetString("EventType"))
                {
                    case "ExecutionStarted": started = at; break;
                    case "ExecutionCompleted": completed = at; break;
                    case "TaskScheduled": scheduled[row.GetInt32("EventId") ?? -1] = (row.GetString("Name"), at); break;
                    case "TaskCompleted" when scheduled.TryGetValue(row.GetInt32("TaskScheduledId") ?? -2, out var task):
                        steps.Add((task.Name, (at - task.At).TotalMilliseconds));
                        lastDone = at;
                        break;
                    case "EventRaised" when lastDone is { } done:
                        // The event can be raised before the activity that led to it has completed (its mail went out
                        // first): then the orchestration did not wait for it at all.
                        steps.Add(($"wait {row.GetString("Name")}", Math.Max(0, (at - done).TotalMilliseconds)));
                        break;
                }
            }
            if (started is null || completed is null || steps.Count == 0) continue;
            var total = (completed.Value - started.Value).TotalMilliseconds;
            perInstance.Add((steps, total - steps.Sum(s => s.Item2), total));
        }
        if (perInstance.Count == 0) throw new InvalidOperationException($"No completed history in {taskHub}History for the {instanceIds.Count} instances.");
        var shape = perInstance[0].Steps;
        var medians = shape.Select((s, i) => (s.Step, Median(perInstance.Where(p => p.Steps.Count > i).Select(p => p.Steps[i].Ms)))).ToList();
        return new StepTimes(medians, Median(perInstance.Select(p => p.Between)), Median(perInstance.Select(p => p.Total)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The two side by side as a Markdown table.</summary>
    public static void Print(StepTimes workflow, StepTimes bare, int instances)
    {
        static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        Console.WriteLine();
        Console.WriteLine($"| where one orchestration's time goes (median of {instances} each, from the engine's history) | workflow | bare | difference |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < workflow.Steps.Count; i++)
        {
            var (step, ms) = workflow.Steps[i];
            // The bare orchestration's steps are the same in the same order (its activities all have one name).
            var other = i < bare.Steps.Count ? bare.Steps[i].Median : double.NaN;
            var label = step.StartsWith("wait ", StringComparison.Ordinal)
                ? $"{step}: the activity before it completed to the event raised (mail, decision page / the benchmark raising it)"
                : $"{step}: scheduled to completed";
            Console.WriteLine($"| {label} | {Ms(ms)} | {Ms(other)} | {Ms(ms - other)} |");
        }
        Console.WriteLine($"| the orchestrator between steps (its episodes) | {Ms(workflow.Between)} | {Ms(bare.Between)} | {Ms(workflow.Between - bare.Between)} |");
        Console.WriteLine($"| **started to completed** | {Ms(workflow.Total)} | {Ms(bare.Total)} | {Ms(workflow.Total - bare.Total)} |");
    }
}
