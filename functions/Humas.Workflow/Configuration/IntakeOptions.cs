namespace Humas.Workflow.Configuration;

public sealed class IntakeOptions
{
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
    public int MaxFiles { get; set; } = 10;
    public int MaxFieldLength { get; set; } = 20_000;

    /// <summary>The largest file a browser may upload straight to Blob Storage through <c>POST /api/uploads</c>.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long an upload link can write; a slow upload asks for a fresh link for the same upload.</summary>
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an upload that no submission named is kept before the sweep removes it.</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(1);
}
