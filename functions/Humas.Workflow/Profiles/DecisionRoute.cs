namespace Humas.Workflow.Profiles;

/// <summary>Who decides a stage and how their answers combine.</summary>
public sealed record DecisionRoute
{
    public required IReadOnlyList<string> Deciders { get; init; }
    public DecisionPolicy Policy { get; init; } = DecisionPolicy.Any;
}
