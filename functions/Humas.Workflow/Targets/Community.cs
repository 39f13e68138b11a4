namespace Humas.Workflow.Targets;

/// <summary>A learning community (komunitas belajar, kombel) the office engaged.</summary>
public sealed record Community(
    string Id, string Name, string Kind, string Region, string? Team, DateOnly EngagedOn, string? Contact, string? Notes,
    DateTimeOffset RecordedAt);
