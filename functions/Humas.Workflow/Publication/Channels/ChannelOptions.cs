namespace Humas.Workflow.Publication.Channels;

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

public sealed class WordPressOptions
{
    /// <summary>The site, e.g. https://bbpmpjateng.kemendikdasmen.go.id; the REST API is under /wp-json/wp/v2.</summary>
    public string? BaseUrl { get; set; }
    public string? User { get; set; }
    /// <summary>An application password of <see cref="User"/> (Users, Profile, Application Passwords).</summary>
    public string? AppPassword { get; set; }
    /// <summary>The post status to create: publish, or draft when an editor finishes the post in WordPress.</summary>
    public string Status { get; set; } = "publish";
    /// <summary>Category ids to file the posts under.</summary>
    public List<int> Categories { get; set; } = [];

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(User) && !string.IsNullOrWhiteSpace(AppPassword);
}

public sealed class YouTubeOptions
{
    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com";
    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";
    /// <summary>A ready OAuth access token (scope youtube.upload); short-lived, so production uses the refresh token.</summary>
    public string? AccessToken { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    /// <summary>public, unlisted or private.</summary>
    public string PrivacyStatus { get; set; } = "public";
    /// <summary>YouTube video category; 27 is Education.</summary>
    public string CategoryId { get; set; } = "27";
    /// <summary>Put before every title, e.g. "BBPMP Jateng | ".</summary>
    public string? TitlePrefix { get; set; }
    /// <summary>Closes every description, e.g. the office's address and links.</summary>
    public string? DescriptionFooter { get; set; }
    public string WatchBaseUrl { get; set; } = "https://www.youtube.com/watch?v=";

    public bool HasRefreshToken =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken) || HasRefreshToken;
}

public sealed class InstagramOptions
{
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v23.0";
    /// <summary>The Instagram professional account's id (IG user id).</summary>
    public string? UserId { get; set; }
    /// <summary>A long-lived token with instagram_content_publish.</summary>
    public string? AccessToken { get; set; }
    /// <summary>How long Instagram may fetch a media file from its read link.</summary>
    public TimeSpan MediaLinkLifetime { get; set; } = TimeSpan.FromHours(2);
    /// <summary>How often and how many times to ask whether a video container is ready.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int StatusPollAttempts { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(UserId) && !string.IsNullOrWhiteSpace(AccessToken);
}
