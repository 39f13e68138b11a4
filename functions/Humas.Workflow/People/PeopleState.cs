namespace Humas.Workflow.People;

/// <summary>The people settings in force: their version, and who changed them last and when.</summary>
public sealed record PeopleState(PeopleSettings Settings, int Version, DateTimeOffset? ChangedAt, string? ChangedBy);
