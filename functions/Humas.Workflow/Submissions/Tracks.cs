namespace Humas.Workflow.Submissions;

public static class Tracks
{
    public static readonly IReadOnlyList<string> All = ["internal", "external"];
}
