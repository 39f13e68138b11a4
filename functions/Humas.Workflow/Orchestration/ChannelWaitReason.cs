namespace Humas.Workflow.Orchestration;

/// <summary>What a waiting channel waits for.</summary>
public static class ChannelWaitReason
{
    /// <summary>Someone must connect the channel again (a WordPress 401, YouTube's invalid_grant).</summary>
    public const string Reconnect = "reconnect";

    /// <summary>The channel's own limit is reached (Instagram's publishing limit, YouTube's daily quota).</summary>
    public const string RateLimit = "rate-limit";
}
