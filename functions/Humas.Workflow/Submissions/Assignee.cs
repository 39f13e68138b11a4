namespace Humas.Workflow.Submissions;

/// <summary>One person asked to decide, with the backup who stands in when they are away.</summary>
public sealed record Assignee(string Key, string Name, string Email, string? BackupKey = null, string? BackupName = null, string? BackupEmail = null);
