namespace Humas.Workflow.Submissions;

/// <summary>Internal content goes through the office's own route; external comes from regional teams. The profile names them.</summary>
public static class Tracks
{
    public const string Internal = "internal";
    public const string External = "external";

    public static readonly IReadOnlyList<string> All = [Internal, External];
}
