namespace Humas.Workflow.Configuration;

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
