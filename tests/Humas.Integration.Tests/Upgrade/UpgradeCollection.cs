namespace Humas.Integration.Tests.Upgrade;

/// <summary>
/// The upgrade test runs alone, after the other integration tests: it builds a whole tree and runs two releases'
/// ./run in turn, and ./run builds the current local host in place, which must not happen under a host another
/// test of this assembly is running.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UpgradeCollection
{
    public const string Name = "Upgrade";
}
