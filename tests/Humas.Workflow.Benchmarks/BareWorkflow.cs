using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// The engine alone: the same activities (doing nothing), durable timers and external events as one submission's
/// workflow, in the same order, with the same retry policy. No storage of its own, no mail, no HTTP.
/// </summary>
public sealed class BareWorkflow : TaskOrchestrator<WorkflowShape, int>
{
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    public override async Task<int> RunAsync(TaskOrchestrationContext context, WorkflowShape shape)
    {
        var steps = shape.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Kind == ShapeStep.Activity)
            {
                // The activity before a wait tells the driver what to raise, as the real one emails the decider;
                // the last one tells it the run is done, as the real one emails the submitter.
                var announce = i + 1 == steps.Count ? BareSignals.Done : steps[i + 1].Kind == ShapeStep.Wait ? BareSignals.WaitAt(i + 1) : null;
                await context.CallActivityAsync<string>(nameof(BareStep), new BareStepInput(context.InstanceId, announce), Retry);
                continue;
            }
            using var cancel = new CancellationTokenSource();
            var issued = context.CurrentUtcDateTime;
            var timers = Enumerable.Range(1, step.Timers).Select(d => context.CreateTimer(issued.AddDays(d), cancel.Token)).ToList();
            var answer = context.WaitForExternalEvent<string>(step.Name, cancel.Token);
            var first = await Task.WhenAny([answer, .. timers]);
            cancel.Cancel();
            if (first != answer) throw new InvalidOperationException($"A timer fired before {step.Name} arrived.");
        }
        return steps.Count;
    }
}

public sealed record BareStepInput(string InstanceId, string? Announce);

/// <summary>An activity that does nothing but tell the driver (in this process) what the orchestration waits for next.</summary>
public sealed class BareStep(BareSignals signals) : TaskActivity<BareStepInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, BareStepInput input)
    {
        if (input.Announce is { } what) signals.Announce(input.InstanceId, what);
        return Task.FromResult("ok");
    }
}

/// <summary>What bare orchestrations announced, awaited by the driver; a repeated announcement (a retried activity) changes nothing.</summary>
public sealed class BareSignals
{
    public const string Done = "done";

    /// <summary>The orchestration is about to wait at this step (an index into the shape's steps).</summary>
    public static string WaitAt(int step) => $"wait-{step}";

    private readonly ConcurrentDictionary<(string Instance, string What), TaskCompletionSource> signals = new();

    public void Announce(string instance, string what) => Signal(instance, what).TrySetResult();

    public Task WaitAsync(string instance, string what, TimeSpan timeout) =>
        Signal(instance, what).Task.WaitAsync(timeout);

    private TaskCompletionSource Signal(string instance, string what) =>
        signals.GetOrAdd((instance, what), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
