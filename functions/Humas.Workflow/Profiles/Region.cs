namespace Humas.Workflow.Profiles;

public sealed record Region(string Code, string Name);
