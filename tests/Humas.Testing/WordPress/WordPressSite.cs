using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// A real WordPress of the test's own from Debian's packages (wordpress, mariadb-server, php-cli, php-mysql, php-gd):
/// a private MariaDB, PHP's built-in server on a free loopback port with a router doing what Debian's Apache
/// configuration does, installed from PHP's command line, with application passwords made by WordPress itself.
/// Everything it writes is in one temp folder (database, wp-content, settings), so runs side by side never meet and a
/// crashed run leaves nothing in /etc. docs/channels.md, "The tests run a real WordPress".
/// </summary>
public sealed class WordPressSite : IAsyncDisposable
{
    public const string User = "humas";
    /// <summary>The application password's name for the channel under test; the tests read the site with one of their own.</summary>
    public const string ChannelPasswordName = "humas-channel";
    private const string ChecksPasswordName = "humas-tests";
    private const string Packages = "wordpress mariadb-server php-cli php-mysql php-gd";
    private const int PortAttempts = 3;
    private static readonly string DocumentRoot = "/usr/share/wordpress";
    private static readonly string DebianContent = "/var/lib/wordpress/wp-content";

    private readonly string folder;
    private MariaDbServer? database;
    private PhpBuiltInServer? server;

    private WordPressSite(string folder) => this.folder = folder;

    public string Url => $"http://127.0.0.1:{server?.Port ?? throw new InvalidOperationException("The site is not started.")}";

    /// <summary>The channel's application password as the Users screen shows it, in groups of four with spaces.</summary>
    public string ChannelPassword { get; private set; } = "";

    /// <summary>The site's REST API as its admin, under a password of the tests' own that no test revokes.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public int DatabaseProcessId => database?.ProcessId ?? 0;
    public int ServerProcessId => server?.ProcessId ?? 0;

    /// <summary>What is missing from this machine, or null: the tests say it instead of failing somewhere inside PHP.</summary>
    public static string? Missing()
    {
        var needed = new[] { MariaDbServer.Binary, PhpBuiltInServer.Binary, Path.Combine(DocumentRoot, "wp-settings.php") };
        var absent = needed.Where(p => !File.Exists(p)).ToList();
        if (!Directory.Exists(DebianContent)) absent.Add(DebianContent);
        return absent.Count == 0 ? null : $"A real WordPress needs Debian's {Packages} (.ci/run installs them); missing: {string.Join(", ", absent)}";
    }

    public static async Task<WordPressSite> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Missing() is { } missing) throw new InvalidOperationException(missing);
        var site = new WordPressSite(NewFolder());
        try
        {
            await site.LaunchAsync(cancellationToken);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    // The database's socket lives here, and a Unix socket's path must stay short: a long TMPDIR falls back to /tmp.
    private static string NewFolder()
    {
        var temp = Path.GetTempPath();
        var root = temp.Length <= 40 ? temp : "/tmp";
        return Directory.CreateDirectory(Path.Combine(root, "humas-wp-" + Guid.NewGuid().ToString("N")[..10])).FullName;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        database = await MariaDbServer.StartAsync(folder, cancellationToken);
        WriteSiteFiles();
        var port = FreePorts.Next();
        await WriteSettingsAsync(port);
        await CliAsync(cancellationToken, "install");
        ChannelPassword = await CliAsync(cancellationToken, "app-password", ChannelPasswordName);
        var checks = await CliAsync(cancellationToken, "app-password", ChecksPasswordName);
        for (var attempt = 1; server is null; attempt++)
        {
            try
            {
                server = await PhpBuiltInServer.StartAsync(port, DocumentRoot, Path.Combine(folder, "router.php"), cancellationToken);
            }
            // Another program took the port between choosing and binding it; the site's address is only in its settings.
            catch (InvalidOperationException) when (attempt < PortAttempts)
            {
                port = FreePorts.Next();
                await WriteSettingsAsync(port);
            }
        }
        Admin = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = Basic(checks);
    }

    public static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}")));

    /// <summary>The router, the settings and the command line from this assembly; wp-content of its own, themes and plugins Debian's.</summary>
    private void WriteSiteFiles()
    {
        var assembly = typeof(WordPressSite).Assembly;
        foreach (var name in new[] { "router.php", "site-config.php", "site-cli.php" })
        {
            using var resource = assembly.GetManifestResourceStream("WordPress." + name)
                                 ?? throw new InvalidOperationException($"WordPress.{name} is not embedded in {assembly.GetName().Name}.");
            using var file = File.Create(Path.Combine(folder, name));
            resource.CopyTo(file);
        }
        var content = Directory.CreateDirectory(Path.Combine(folder, "wp-content")).FullName;
        Directory.CreateDirectory(Path.Combine(content, "uploads"));
        foreach (var shared in new[] { "themes", "plugins" })
            Directory.CreateSymbolicLink(Path.Combine(content, shared), Path.Combine(DebianContent, shared));
    }

    private Task WriteSettingsAsync(int port) =>
        File.WriteAllTextAsync(Path.Combine(folder, "site.json"), new JsonObject
        {
            ["socket"] = database!.Socket, ["content"] = Path.Combine(folder, "wp-content"), ["url"] = $"http://127.0.0.1:{port}", ["user"] = User,
        }.ToJsonString());

    /// <summary>A new application password for the channel, as the site's admin makes one after revoking the old.</summary>
    public async Task<string> NewChannelPasswordAsync(CancellationToken cancellationToken = default) =>
        ChannelPassword = await CliAsync(cancellationToken, "app-password", ChannelPasswordName);

    /// <summary>Revokes the channel's application passwords, as the site's admin does on the Users screen.</summary>
    public Task RevokeChannelPasswordAsync(CancellationToken cancellationToken = default) =>
        CliAsync(cancellationToken, "revoke", ChannelPasswordName);

    /// <summary>GET on the REST API as the admin, e.g. "wp/v2/posts/12?context=edit".</summary>
    public async Task<JsonNode> GetAsync(string route, CancellationToken cancellationToken = default)
    {
        using var response = await Admin.GetAsync("/wp-json/" + route, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {route}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>POST on the REST API as the admin, with a JSON body.</summary>
    public async Task<JsonNode> PostAsync(string route, JsonObject body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync("/wp-json/" + route, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<string> CliAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(PhpBuiltInServer.Binary)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in PhpBuiltInServer.Settings.Concat([Path.Combine(folder, "site-cli.php"), .. arguments]))
            startInfo.ArgumentList.Add(argument);
        using var process = ChildProcesses.Start(startInfo);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            ChildProcesses.KillTree(process);
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"php site-cli.php {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        return (await output).Trim();
    }

    public string LogTail(int lines = 40) =>
        $"PHP:{Environment.NewLine}{server?.LogTail(lines)}{Environment.NewLine}MariaDB:{Environment.NewLine}{database?.LogTail(lines)}";

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (server is not null) await server.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
