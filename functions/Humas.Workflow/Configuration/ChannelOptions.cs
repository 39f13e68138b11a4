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
}
