namespace Humas.Workflow.Orchestration;

public static class PublicationStatus
{
    public const string Published = "Published";
    public const string NotConfigured = "NotConfigured";
    public const string Failed = "Failed";
}
