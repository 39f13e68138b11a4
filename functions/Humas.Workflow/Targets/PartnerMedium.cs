namespace Humas.Workflow.Targets;

/// <summary>A local or national medium that carries the office's content.</summary>
public sealed record PartnerMedium(string Id, string Name, string Scope, string? Region, string? Url, DateTimeOffset RecordedAt);
