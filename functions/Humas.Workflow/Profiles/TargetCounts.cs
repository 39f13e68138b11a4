namespace Humas.Workflow.Profiles;

/// <summary>
/// What counts toward a target. <c>Source</c> is where the count comes from: published content (the default),
/// the community register (<c>communities</c>) or items carried by partner media (<c>partner-media</c>, optionally
/// of one <c>Scope</c>, local or national). Every condition given must hold.
/// </summary>
public sealed record TargetCounts(
    string? ContentType = null, bool? PriorityProgram = null, string? Program = null, string? Channel = null,
    string? Source = null, string? Scope = null);
