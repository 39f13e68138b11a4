using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Humas.LocalHost.Engine;

/// <summary>Hands out an activity wrapper that resolves the activity class in its own DI scope.</summary>
internal sealed class ActivityShimCreator(IServiceScopeFactory scopes, DurableTaskShimFactory shims, Type activityType)
    : ClassCreator<TaskActivity, ITaskActivity>(activityType)
{
    public override TaskActivity Create() => new ScopedActivity(scopes, shims, new TaskName(Name), Type);
}
