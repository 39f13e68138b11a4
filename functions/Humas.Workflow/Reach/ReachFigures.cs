namespace Humas.Workflow.Reach;

/// <summary>The names of the figures a channel's reach is measured by, as they are kept and shown.</summary>
public static class ReachFigures
{
    public const string Followers = "followers";
    public const string Media = "media";
    public const string Subscribers = "subscribers";
    public const string Views = "views";
    public const string Videos = "videos";
    public const string Posts = "posts";
    public const string Reach = "reach";

    /// <summary>The figure a channel is first read by: the one its chart line and its yearly target follow.</summary>
    public static string Headline(string channel) => channel switch
    {
        InstagramReach.ChannelName => Followers,
        YouTubeReach.ChannelName => Subscribers,
        _ => Posts,
    };
}
