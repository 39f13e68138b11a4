namespace Humas.Workflow.Profiles;

/// <summary>A newsroom the office sends press releases to; scope is local or national.</summary>
public sealed record MediaPartner(string Name, string Email, string Scope);
