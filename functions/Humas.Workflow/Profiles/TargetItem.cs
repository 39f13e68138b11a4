namespace Humas.Workflow.Profiles;

public sealed record TargetItem(string Id, string Name, string? NameEn, int Target, TargetCounts Counts);
