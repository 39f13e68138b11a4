namespace Humas.Workflow.Targets;

public sealed record CountBy(string Key, string Name, int Count);
