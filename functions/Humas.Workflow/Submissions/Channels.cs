namespace Humas.Workflow.Submissions;

public static class Channels
{
    public static readonly IReadOnlyList<string> All =
        ["website", "instagram", "youtube", "facebook", "tiktok", "media-partner", "journal"];
}
