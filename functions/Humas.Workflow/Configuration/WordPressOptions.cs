namespace Humas.Workflow.Configuration;

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
