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

    /// <summary>
    /// Where a long-lived token (60 days) is exchanged for a new one before it expires: Instagram's
    /// <c>refresh_access_token</c> (grant_type ig_refresh_token).
    /// </summary>
    public string RefreshUrl { get; set; } = "https://graph.instagram.com/refresh_access_token";

    /// <summary>How long before its expiry the token is refreshed; a token whose expiry is not known yet is refreshed at its first use.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromDays(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(UserId) && !string.IsNullOrWhiteSpace(AccessToken);
}
