namespace Humas.Workflow.Tests.Replay;

/// <summary>What replaying one history found: how many episodes matched and, at the first that did not, why.</summary>
public sealed record ReplayReport(string Fixture, string Orchestrator, int Episodes, int Matched, string? Failure)
{
    public bool Passed => Failure is null;

    public override string ToString() => Failure ?? $"{Fixture}: {Orchestrator}, {Matched} of {Episodes} episodes replay as recorded.";
}
