namespace Humas.Workflow.Orchestration;

/// <summary>
/// What each channel came to, in the planned order (workflow version 6): to be kept and told, counted when one was
/// published, and the workflow closed Published or PublicationFailed as history step <paramref name="Step"/>.
/// </summary>
public sealed record PublicationFinish(string SubmissionId, int Step, DateTimeOffset At, IReadOnlyList<PublicationRecord> Outcomes);
