namespace Humas.Workflow.Publication.Channels;

/// <summary>A channel whose credential it refused: since when, why, and when the Humas team was last told.</summary>
public sealed record ChannelHealth(string Channel, DateTimeOffset Since, string Reason, DateTimeOffset? MailedAt = null);
