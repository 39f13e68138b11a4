using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.LocalHost.Engine;

/// <summary>A creator named after the class it makes, which must be of the kind (orchestrator, activity) it makes.</summary>
internal abstract class ClassCreator<TCreated, TKind> : ObjectCreator<TCreated>
{
    protected ClassCreator(Type type)
    {
        if (!typeof(TKind).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not implement {typeof(TKind).Name}.", nameof(type));
        }

        Type = type;
        Name = type.Name;
        Version = string.Empty;
    }

    protected Type Type { get; }
}

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

/// <summary>Hands out an activity wrapper that resolves the activity class in its own DI scope.</summary>
internal sealed class ActivityShimCreator(IServiceScopeFactory scopes, DurableTaskShimFactory shims, Type activityType)
    : ClassCreator<TaskActivity, ITaskActivity>(activityType)
{
    public override TaskActivity Create() => new ScopedActivity(scopes, shims, new TaskName(Name), Type);
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
