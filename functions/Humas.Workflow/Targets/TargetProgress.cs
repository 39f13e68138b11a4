namespace Humas.Workflow.Targets;

public sealed record TargetProgress(
    string Id, string Programme, string Name, string? NameEn, int Target, int Actual, int ExpectedByNow,
    string Status, int Short, double Percent);
