namespace Humas.Workflow.Configuration;

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
