namespace Humas.Workflow.Profiles;

/// <summary>
/// What the submission form says under a field in this unit's own words: who approves each track, which programme
/// to name. A unit without them gets the fields without hints.
/// </summary>
public sealed record FormHints
{
    public BilingualText? Track { get; init; }

    public BilingualText? Program { get; init; }
}
