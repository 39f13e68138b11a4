namespace Humas.Workflow.Publication.Channels;

/// <summary>A channel refused or failed a request; passing faults are tried again, the others end the channel.</summary>
public sealed class ChannelException(
    string message, bool transient, string? answer = null, bool needsReconnecting = false, DateTimeOffset? limitedUntil = null) : Exception(message)
{
    public bool Transient { get; } = transient;
    public string? Answer { get; } = answer;

    /// <summary>The channel refused the credential itself (a WordPress 401, YouTube's invalid_grant): someone must connect it again.</summary>
    public bool NeedsReconnecting { get; } = needsReconnecting;

    /// <summary>The channel's limit is reached until this moment (YouTube's quota, Instagram's publishing limit).</summary>
    public DateTimeOffset? LimitedUntil { get; } = limitedUntil;
}
