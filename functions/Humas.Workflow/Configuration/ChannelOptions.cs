namespace Humas.Workflow.Configuration;

/// <summary>
/// The office's outside channels, bound from <c>Humas__Channels__...</c>. A channel without its credentials is
/// recorded as not configured; base URLs can be changed so that a test or a proxy stands in for the service.
/// </summary>
public sealed class ChannelOptions
{
    public WordPressOptions WordPress { get; set; } = new();
    public YouTubeOptions YouTube { get; set; } = new();
    public InstagramOptions Instagram { get; set; } = new();

    /// <summary>Retries after the first try when a channel answers with a passing fault (5xx, 408, 429, no connection).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first wait between tries; it doubles each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one request may take; a video upload is one request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often a publication waiting for a channel to be reconnected tries it again (version 5).</summary>
    public TimeSpan ReconnectCheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long an Instagram post over its publishing limit waits before it reads the limit again: the API gives the use
    /// in the rolling 24 hours, not when the oldest use leaves it.
    /// </summary>
    public TimeSpan RateLimitStep { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest single wait for a limit (YouTube's quota until midnight Pacific); set short in tests only.</summary>
    public TimeSpan? RateLimitWaitAtMost { get; set; }
}
