namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Where an Instagram publication stands after the steps that need no wait: the post, when an earlier try made it, or
/// the container to wait for, which is then published (<paramref name="Publishable"/>) or is an item of a carousel
/// still to be made.
/// </summary>
public sealed record InstagramPreparation(string? Container, bool Publishable, ChannelPost? Post = null);
