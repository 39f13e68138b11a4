namespace Humas.Workflow.Targets;

public static class PartnerScopes
{
    public const string Local = "local";
    public const string National = "national";
    /// <summary>The channel items carried by partner media count under.</summary>
    public const string Channel = "media-partner";
    public static readonly IReadOnlyList<string> All = [Local, National];
}
