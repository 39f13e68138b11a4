namespace Humas.LocalHost.Engine;

/// <summary>The orchestrator and activity classes the worker dispatches to, registered by class name.</summary>
internal sealed class LocalEngineRegistrations(IEnumerable<Type> orchestrators, IEnumerable<Type> activities)
{
    public IReadOnlyList<Type> Orchestrators { get; } = orchestrators.Distinct().ToList();

    public IReadOnlyList<Type> Activities { get; } = activities.Distinct().ToList();
}
