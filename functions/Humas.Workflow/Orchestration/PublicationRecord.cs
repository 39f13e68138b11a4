namespace Humas.Workflow.Orchestration;

/// <summary>
/// The evidence of one channel's publication: the post id, its public address, when, and what the channel answered.
/// <paramref name="Attempt"/> counts tries (an admin retry adds one); <paramref name="Reason"/> says why a channel failed.
/// </summary>
public sealed record PublicationRecord(
    string Channel, string Status, string? PostId, string? Url, DateTimeOffset At, string? Answer,
    int Attempt = 1, string? Reason = null);
