namespace Humas.Workflow.Consents;

/// <summary>A submission that rests on a registered consent: what a withdrawal takes down.</summary>
public sealed record ConsentUse(string SubmissionId, DateTimeOffset At);
