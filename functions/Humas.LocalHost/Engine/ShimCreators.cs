using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.LocalHost.Engine;

/// <summary>Builds a fresh orchestrator instance for every execution (replays must not share state).</summary>
internal sealed class OrchestrationShimCreator : ObjectCreator<TaskOrchestration>
{
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;
    private readonly Type orchestratorType;

    public OrchestrationShimCreator(IServiceProvider services, DurableTaskShimFactory shims, Type orchestratorType)
    {
        if (!typeof(ITaskOrchestrator).IsAssignableFrom(orchestratorType))
        {
            throw new ArgumentException($"{orchestratorType} does not implement {nameof(ITaskOrchestrator)}.", nameof(orchestratorType));
        }

        this.services = services;
        this.shims = shims;
        this.orchestratorType = orchestratorType;
        Name = orchestratorType.Name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create()
    {
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, orchestratorType);
        return shims.CreateOrchestration(new TaskName(Name), orchestrator);
    }
}

/// <summary>Hands out an activity wrapper that resolves the activity class in its own DI scope.</summary>
internal sealed class ActivityShimCreator : ObjectCreator<TaskActivity>
{
    private readonly IServiceScopeFactory scopes;
    private readonly DurableTaskShimFactory shims;
    private readonly Type activityType;

    public ActivityShimCreator(IServiceScopeFactory scopes, DurableTaskShimFactory shims, Type activityType)
    {
        if (!typeof(ITaskActivity).IsAssignableFrom(activityType))
        {
            throw new ArgumentException($"{activityType} does not implement {nameof(ITaskActivity)}.", nameof(activityType));
        }

        this.scopes = scopes;
        this.shims = shims;
        this.activityType = activityType;
        Name = activityType.Name;
        Version = string.Empty;
    }

    public override TaskActivity Create() => new ScopedActivity(scopes, shims, new TaskName(Name), activityType);
}

/// <summary>
/// Creating the activity inside a scope that lives exactly as long as the call lets activities
/// depend on scoped services, which a root-provider instance could not (scope validation rejects it).
/// </summary>
internal sealed class ScopedActivity(IServiceScopeFactory scopes, DurableTaskShimFactory shims, TaskName name, Type activityType)
    : TaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously only.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, activityType);
        return await shims.CreateActivity(name, activity).RunAsync(context, input);
    }
}
