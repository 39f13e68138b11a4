namespace Humas.Workflow.Orchestration;

/// <summary>An approved submission to publish (workflow version 6): its Publishing row, history step <paramref name="Step"/>, and its channels planned.</summary>
public sealed record PublicationStart(string SubmissionId, int Step, DateTimeOffset At);
