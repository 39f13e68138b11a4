using System.Collections.Concurrent;
using DurableTask.Core;

namespace Humas.LocalHost.Engine;

/// <summary>
/// Looks orchestrations and activities up by name alone. Durable Functions ignores versions,
/// so a caller-supplied version (or one the shims propagate to activities) must not make
/// dispatch fail with a missing-type error.
/// </summary>
internal sealed class NameOnlyObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly ConcurrentDictionary<string, ObjectCreator<T>> creators = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ObjectCreator<T> creator)
    {
        if (!creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"'{creator.Name}' is registered twice in the local durable engine.");
        }
    }

    // A missing name yields null, which the dispatcher reports as a missing orchestration or activity.
    public T? GetObject(string name, string? version) =>
        creators.TryGetValue(name, out var creator) ? creator.Create() : default;
}
