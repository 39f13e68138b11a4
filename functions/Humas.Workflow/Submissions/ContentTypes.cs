namespace Humas.Workflow.Submissions;

/// <summary>The kinds of content the office publishes; the codes are the contract's, their words are in <c>Vocabulary.Terms</c>.</summary>
public static class ContentTypes
{
    public const string News = "news";
    public const string Article = "article";
    public const string Photo = "photo";
    public const string Video = "video";
    public const string Infographic = "infographic";
    public const string Podcast = "podcast";
    public const string Webinar = "webinar";
    public const string PressRelease = "press-release";
    public const string Community = "community";

    public static readonly IReadOnlyList<string> All = [News, Article, Photo, Video, Infographic, Podcast, Webinar, PressRelease, Community];
}
