using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Humas.LocalHost.Engine;

/// <summary>Builds a fresh orchestrator instance for every execution (replays must not share state).</summary>
internal sealed class OrchestrationShimCreator(IServiceProvider services, DurableTaskShimFactory shims, Type orchestratorType)
    : ClassCreator<TaskOrchestration, ITaskOrchestrator>(orchestratorType)
{
    public override TaskOrchestration Create()
    {
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, Type);
        return shims.CreateOrchestration(new TaskName(Name), orchestrator);
    }
}
