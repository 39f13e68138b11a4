using Microsoft.DurableTask;

namespace Humas.Workflow.Tests.Recovery;

/// <summary>An instance that breaks when a decision wakes it (as after a release that changed its replayed path).</summary>
public sealed class BreaksWhenWoken : TaskOrchestrator<string, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.WaitForExternalEvent<string>(input);
        throw new InvalidOperationException("A previous execution of this orchestration scheduled a different task.");
    }
}
