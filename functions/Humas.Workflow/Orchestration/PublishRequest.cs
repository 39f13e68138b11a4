namespace Humas.Workflow.Orchestration;

public sealed record PublishRequest(string SubmissionId, DateTimeOffset At);
