namespace Humas.Workflow.Submissions;

public static class ContentTypes
{
    public static readonly IReadOnlyList<string> All =
        ["news", "article", "photo", "video", "infographic", "podcast", "webinar", "press-release", "community"];
}
