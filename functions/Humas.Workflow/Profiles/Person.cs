namespace Humas.Workflow.Profiles;

/// <summary>Someone in the unit; <paramref name="Backup"/> is the key of their Plt/Plh.</summary>
public sealed record Person(string Key, string Name, string Title, string Email, string? Backup = null);
