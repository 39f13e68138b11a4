namespace Humas.Workflow.Pages;

/// <summary>
/// The Content-Security-Policy every page is sent with: script and style only from the site's own files (no inline
/// script, no style attributes), so markup that slipped through as text could still run nothing.
/// </summary>
/// <param name="blobEndpoint">The storage account's blob endpoint, which uploads go to and previews come from.</param>
/// <param name="publicBaseUrl">The public address of the site (<c>Humas__PublicBaseUrl</c>).</param>
public sealed class ContentSecurityPolicy(string blobEndpoint, string publicBaseUrl)
{
    public string Header { get; } = Build(Origin(blobEndpoint), Origin(publicBaseUrl));

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
