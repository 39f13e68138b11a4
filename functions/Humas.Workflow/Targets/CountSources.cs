namespace Humas.Workflow.Targets;

/// <summary>Where a count comes from: published content or one of the registers.</summary>
public static class CountSources
{
    public const string Content = "content";
    public const string Communities = "communities";
    public const string PartnerMedia = "partner-media";
}
