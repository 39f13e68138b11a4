namespace Humas.Workflow.Profiles;

public sealed record Team(string Id, string Name);
