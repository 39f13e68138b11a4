using System.Security.Cryptography;
using System.Text;

namespace Humas.Workflow.Pages;

/// <summary>
/// The style sheet and scripts, embedded in the assembly (<c>Humas.Assets.*</c>), so that both hosts serve the same
/// bytes from the same route without a folder of static files to deploy.
/// </summary>
public static class PageAssets
{
    private const string ResourcePrefix = "Humas.Assets.";

    public const string StyleSheet = "site.css";
    public const string FormScript = "form.js";
    public const string DecisionScript = "decision.js";
    public const string StaffScript = "staff.js";

    private static readonly IReadOnlyDictionary<string, Asset> All = Load();

    public static bool TryGet(string name, out Asset asset) => All.TryGetValue(name, out asset!);

    /// <summary>The address of an asset, with its version; an unknown name is a mistake in a page, not a request.</summary>
    public static string Url(string name) => Get(name).Url;

    public static string Text(string name) => Encoding.UTF8.GetString(Get(name).Bytes);

    private static Asset Get(string name) =>
        All.TryGetValue(name, out var asset) ? asset : throw new InvalidOperationException($"No asset '{name}' is embedded.");

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            assets[name] = new Asset(name, ContentType(name), bytes, version);
        }
        return assets;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    };
}
