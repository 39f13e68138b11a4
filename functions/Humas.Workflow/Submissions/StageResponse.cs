namespace Humas.Workflow.Submissions;

public sealed record StageResponse(string PersonKey, string Name, string Decision, string? Comment, DateTimeOffset At, string? OnBehalfOfName = null);
