using Humas.Workflow.Storage;

namespace Humas.Workflow.Pages;

/// <summary>
/// The Content-Security-Policy every page is sent with: script and style only from the site's own files (no inline
/// script, no style attributes), so markup that slipped through as text could still run nothing.
/// </summary>
public sealed class ContentSecurityPolicy(HumasStorage storage, Links.Links links)
{
    public string Header { get; } = Build(Origin(storage.Blobs.Uri.ToString()), Origin(links.BaseUrl));

    public static string Build(string blobs, string site) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        // The decision page previews media through short-lived links to Blob Storage; published media come from the
        // public address, which behind a proxy may not be the origin the page was asked on; the dashboard's chart is inline.
        $"img-src 'self' data: blob: {blobs} {site}",
        $"media-src 'self' blob: {blobs} {site}",
        // The form's script sends large files in blocks straight to Blob Storage.
        $"connect-src 'self' {blobs}",
        // A browser's form post is answered with a redirect to the tracking page at the public address.
        $"form-action 'self' {site}",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'");

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "";
}
