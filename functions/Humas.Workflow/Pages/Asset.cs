namespace Humas.Workflow.Pages;

/// <summary>
/// A style sheet or script the pages load from <c>/assets/{name}</c>. <paramref name="Version"/> is taken from the
/// bytes, so a release that changes a file changes the address pages ask for.
/// </summary>
public sealed record Asset(string Name, string ContentType, byte[] Bytes, string Version)
{
    /// <summary>The address a page links to: a new version is a new address, so browsers may keep each one for a year.</summary>
    public string Url => $"/assets/{Name}?v={Version}"; // Routes.Asset
}
