namespace Humas.Workflow.Profiles;

/// <summary>A text of the unit's own, in Indonesian and in English.</summary>
public sealed record BilingualText(string Id, string En);
