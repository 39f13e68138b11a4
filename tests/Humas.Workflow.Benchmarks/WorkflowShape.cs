using Azure.Data.Tables;

namespace Humas.Workflow.Benchmarks;

/// <summary>One step of an orchestration as its history shows it: an activity call, or a wait for an event under timers.</summary>
public sealed record ShapeStep(string Kind, string Name, int Timers = 0)
{
    public const string Activity = "activity";
    public const string Wait = "wait";
}

/// <summary>
/// What one submission's orchestration did, read from the engine's history table: the activities it called, the
/// durable timers it set and the events it waited for, in order. The bare orchestration repeats exactly this.
/// </summary>
public sealed record WorkflowShape(IReadOnlyList<ShapeStep> Steps)
{
    public int Activities => Steps.Count(s => s.Kind == ShapeStep.Activity);
    public int Events => Steps.Count(s => s.Kind == ShapeStep.Wait);
    public int Timers => Steps.Sum(s => s.Timers);

    public static async Task<WorkflowShape> ReadAsync(TableServiceClient tables, string taskHub, string instanceId)
    {
        var steps = new List<ShapeStep>();
        var timers = 0;
        await foreach (var row in tables.GetTableClient(taskHub + "History")
                           .QueryAsync<TableEntity>(r => r.PartitionKey == instanceId, select: ["EventType", "Name"]))
        {
            // Rows are in the order the events happened (the row key is the sequence number).
            switch (row.GetString("EventType"))
            {
                case "TaskScheduled":
                    steps.Add(new ShapeStep(ShapeStep.Activity, row.GetString("Name")));
                    break;
                case "TimerCreated":
                    timers++;
                    break;
                case "EventRaised":
                    steps.Add(new ShapeStep(ShapeStep.Wait, row.GetString("Name"), timers));
                    timers = 0;
                    break;
            }
        }
        if (steps.Count == 0) throw new InvalidOperationException($"No history for {instanceId} in {taskHub}History.");
        return new WorkflowShape(steps);
    }

    public override string ToString() =>
        $"{Activities} activities, {Events} events, {Timers} durable timers: " +
        string.Join(" > ", Steps.Select(s => s.Kind == ShapeStep.Activity ? s.Name : $"wait {s.Name} ({s.Timers} timers)"));
}
