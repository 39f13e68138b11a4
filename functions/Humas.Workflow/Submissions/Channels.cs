namespace Humas.Workflow.Submissions;

/// <summary>Where content is published; the codes are the contract's, their words are in <c>Vocabulary.Terms</c>.</summary>
public static class Channels
{
    public const string Website = "website";
    public const string Instagram = "instagram";
    public const string YouTube = "youtube";
    public const string Facebook = "facebook";
    public const string TikTok = "tiktok";
    public const string MediaPartner = "media-partner";
    public const string Journal = "journal";

    public static readonly IReadOnlyList<string> All = [Website, Instagram, YouTube, Facebook, TikTok, MediaPartner, Journal];
}
