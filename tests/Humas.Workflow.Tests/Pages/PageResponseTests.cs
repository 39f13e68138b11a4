using System.Text.RegularExpressions;
using Humas.Workflow.Intake;
using Humas.Workflow.Pages;
using Humas.Workflow.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Pages;

/// <summary>
/// A page's response as either host sends it, executed with the services AddHumasWorkflow registers: its security
/// policy, and the style sheet and scripts it links to, served with cache headers that a release cannot leave stale.
/// </summary>
public sealed partial class PageResponseTests
{
    private static IServiceProvider Services => PageRendering.App.Value.Services;

    private static FormPage Form => Services.GetRequiredService<FormPage>();

    private static AssetHandler Assets => Services.GetRequiredService<AssetHandler>();

    [Fact]
    public async Task A_page_is_html_with_a_policy_that_allows_no_inline_script()
    {
        var response = await PageRendering.ExecuteAsync(http => Form.Render(http.Request, null,
            new Dictionary<string, string[]> { ["title"] = ["Judul wajib diisi / title is required"] }, 400), "/api/submissions");

        Assert.Equal(400, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Headers.ContentType.ToString());
        Assert.Contains("<html lang=\"id\">", response.Body);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        var policy = Directives(response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["base-uri"]);
        // The form's script sends blocks to Blob Storage, and previews play from it: its origin only, not any site.
        var blobs = "http://127.0.0.1:10000";
        Assert.Equal($"'self' {blobs}", policy["connect-src"]);
        Assert.Contains(blobs, policy["img-src"]);
        Assert.Contains(blobs, policy["media-src"]);
        Assert.Equal("'self' https://humas.example", policy["form-action"]);
        Assert.DoesNotContain("unsafe", response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Every_message_page_carries_the_policy_too()
    {
        var response = await PageRendering.ExecuteAsync(PageResult.Message(Lang.En, 410, "This link has expired", "This link's deadline has passed."));

        Assert.Equal(410, response.Status);
        Assert.Contains("script-src 'self'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("<h1>This link has expired</h1>", response.Body);
    }

    [Fact]
    public async Task The_assets_a_page_links_to_are_served_with_their_version_and_kept_for_a_year()
    {
        var page = await PageRendering.ExecuteAsync(Form.Show);
        var links = AssetLink().Matches(page.Body).Select(m => m.Groups["url"].Value).ToList();
        Assert.Equal(["/assets/site.css", "/assets/form.js"], links.Select(l => l[..l.IndexOf('?')]));

        foreach (var link in links)
        {
            var name = link["/assets/".Length..link.IndexOf('?')];
            var asset = await Serve(name, link[link.IndexOf('?')..]);
            Assert.Equal(200, asset.Status);
            Assert.Equal(AssetHandler.Versioned, asset.Headers.CacheControl.ToString());
            Assert.Equal("nosniff", asset.Headers.XContentTypeOptions.ToString());
            Assert.NotEmpty(asset.Body);
            Assert.Equal($"\"{link[(link.IndexOf("?v=") + 3)..]}\"", asset.Headers.ETag.ToString());
        }
        Assert.Equal("text/css; charset=utf-8", (await Serve("site.css")).Headers.ContentType.ToString());
        Assert.Equal("text/javascript; charset=utf-8", (await Serve("form.js")).Headers.ContentType.ToString());
    }

    [Fact]
    public async Task An_asset_asked_for_without_its_current_version_is_kept_for_minutes_only()
    {
        Assert.Equal(AssetHandler.Unversioned, (await Serve("staff.js")).Headers.CacheControl.ToString());
        Assert.Equal(AssetHandler.Unversioned, (await Serve("staff.js", "?v=0123456789ab")).Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_browser_that_has_the_asset_gets_304_and_an_unknown_name_404()
    {
        Assert.True(PageAssets.TryGet("decision.js", out var asset));
        var again = await PageRendering.ExecuteAsync(http => Assets.Serve(http, "decision.js"), "/assets/decision.js", ifNoneMatch: $"\"{asset.Version}\"");
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);

        Assert.Equal(404, (await Serve("../appsettings.json")).Status);
        Assert.Equal(404, (await Serve("Humas.Profiles.bbpmp-jateng.json")).Status);
    }

    [Fact]
    public void A_change_to_an_asset_changes_its_address()
    {
        Assert.True(PageAssets.TryGet("site.css", out var css));
        Assert.Matches("^[0-9a-f]{12}$", css.Version);
        Assert.Equal($"/assets/site.css?v={css.Version}", PageAssets.Url("site.css"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(css.Bytes))[..12], css.Version);
    }

    private static Task<PageRendering.Response> Serve(string name, string? query = null) =>
        PageRendering.ExecuteAsync(http => Assets.Serve(http, name), "/assets/" + name, query);

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

    [GeneratedRegex("(?:href|src)=\"(?<url>/assets/[^\"]+)\"")]
    private static partial Regex AssetLink();
}
