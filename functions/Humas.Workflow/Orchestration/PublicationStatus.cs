namespace Humas.Workflow.Orchestration;

public static class PublicationStatus
{
    public const string Published = "Published";
    public const string NotConfigured = "NotConfigured";
    public const string Failed = "Failed";
    /// <summary>Not out yet: the channel waits to be reconnected or for its limit to free (version 5).</summary>
    public const string Waiting = "Waiting";
}
