namespace Humas.Workflow.Recovery;

/// <summary>A submission whose workflow instance stopped: failed, or terminated by an operator.</summary>
public sealed record StoppedWorkflow(string SubmissionId, string RuntimeStatus, string? ErrorType, string? ErrorMessage, DateTimeOffset StoppedAt);
