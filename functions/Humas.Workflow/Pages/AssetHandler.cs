using Humas.Workflow.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Humas.Workflow.Pages;

/// <summary>
/// GET /assets/{name}: the pages' style sheet and scripts, from our own route, so that a page's security policy can
/// allow script and style from its own origin only.
/// </summary>
public sealed class AssetHandler
{
    /// <summary>A year: the address changes with the content (<see cref="Asset.Version"/>).</summary>
    public const string Versioned = "public, max-age=31536000, immutable";

    /// <summary>Minutes, for an address without the current version (a page from before a release, a hand-typed link).</summary>
    public const string Unversioned = "public, max-age=300";

    public IResult Serve(HttpContext http, string name)
    {
        if (!PageAssets.TryGet(name, out var asset)) return Problems.Status(404, "Tidak ditemukan / not found");
        var headers = http.Response.Headers;
        headers.CacheControl = http.Request.Query["v"] == asset.Version ? Versioned : Unversioned;
        headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Version}\""));
    }
}
