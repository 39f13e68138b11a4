namespace Humas.Integration.Tests.Faults;

/// <summary>
/// The two-worker test runs alone: it measures how soon one worker carries on after the other died, and beside a
/// dozen other hosts on two cores it could not tell a slow machine from a slow takeover.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkersCollection
{
    public const string Name = "Workers";
}
