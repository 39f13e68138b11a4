namespace Humas.Workflow.Profiles;

public sealed record TargetSet(int Year, string Programme, IReadOnlyList<TargetItem> Items);
