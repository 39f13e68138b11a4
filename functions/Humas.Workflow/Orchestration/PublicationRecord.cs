namespace Humas.Workflow.Orchestration;

/// <summary>
/// The evidence of one channel's publication: the post id, its public address, when, and what the channel answered.
/// <paramref name="Attempt"/> counts tries (an admin retry adds one); <paramref name="Reason"/> says why a channel failed.
/// A <see cref="PublicationStatus.Waiting"/> record (version 5) says until when the channel waits
/// (<paramref name="WaitUntil"/>) and for what (<paramref name="WaitFor"/>, a <see cref="ChannelWaitReason"/>), and since
/// when (<paramref name="WaitingSince"/>), which bounds the wait.
/// </summary>
public sealed record PublicationRecord(
    string Channel, string Status, string? PostId, string? Url, DateTimeOffset At, string? Answer,
    int Attempt = 1, string? Reason = null, DateTimeOffset? WaitUntil = null, string? WaitFor = null, DateTimeOffset? WaitingSince = null);
