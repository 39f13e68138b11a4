namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// A channel's token as last refreshed, until when the channel takes it, and a hash of the configured token it was
/// refreshed from: a token configured anew (after a reconnection) replaces the kept one.
/// </summary>
public sealed record KeptToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshedAt, string ConfiguredHash);
