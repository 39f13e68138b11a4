namespace Humas.Workflow.Targets;

public static class PaceStatus
{
    public const string Met = "met";
    public const string OnPace = "on-pace";
    public const string Behind = "behind";
}
