namespace Humas.Workflow.Targets;

/// <summary>Asks for a published submission to be counted toward the year's targets.</summary>
public sealed record CountRequest(string SubmissionId, DateTimeOffset At);
