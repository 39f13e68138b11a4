namespace Humas.Workflow.Publication;

/// <summary>
/// Try <paramref name="Attempt"/> of one channel of a submission; <paramref name="At"/> is the orchestration's time,
/// which the office's own feed dates its entry by.
/// </summary>
public sealed record ChannelPublication(string SubmissionId, string Channel, DateTimeOffset At, int Attempt = 1);
