namespace Humas.Workflow.Publication.Channels;

/// <summary>What a channel answered for one post: the evidence kept with the submission.</summary>
public sealed record ChannelPost(string PostId, string? Url, string Answer);
