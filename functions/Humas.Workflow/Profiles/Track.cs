namespace Humas.Workflow.Profiles;

public sealed record Track(string Id, string Name, DecisionRoute Approval);
