namespace Humas.Workflow.Takedown;

/// <summary>
/// The evidence of one channel's takedown, kept beside its publication record (<c>takedown-{channel}</c>): what was
/// done (<see cref="TakedownOutcomes"/>), when, the post it was done to, what the channel answered, and why a channel
/// that could not be reached failed.
/// </summary>
public sealed record TakedownRecord(
    string Channel, string Outcome, DateTimeOffset At, string? PostId, string? Url, string? Answer = null, string? Reason = null);
