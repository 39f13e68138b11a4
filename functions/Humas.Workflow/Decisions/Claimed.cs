namespace Humas.Workflow.Decisions;

/// <summary>How claiming a one-time action went: taken now, taken earlier by someone, or not passed on.</summary>
public sealed record Claimed<T>(bool Raised, T? Earlier) where T : class
{
    public bool Failed => !Raised && Earlier is null;
}
