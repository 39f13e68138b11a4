using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Humas.LocalHost.Engine;

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
