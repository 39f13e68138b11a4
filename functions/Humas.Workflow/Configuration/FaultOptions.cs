namespace Humas.Workflow.Configuration;

public sealed class FaultOptions
{
    /// <summary>The point after which the process ends itself; null (the default) for never.</summary>
    public string? CrashAfter { get; set; }
}
