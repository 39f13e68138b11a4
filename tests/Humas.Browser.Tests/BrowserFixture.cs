using System.Security.Cryptography;
using Humas.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.Browser.Tests;

/// <summary>
/// Azurite, an SMTP server, one local host and Debian's chromium driven by Playwright. No browser is
/// downloaded: the tests drive /usr/bin/chromium (override with HUMAS_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("HUMAS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public AzuriteProcess Azurite { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();
    public LocalHostProcess Host { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Azurite = await AzuriteProcess.StartAsync();
        Host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = Azurite.ConnectionString,
            SmtpPort = Smtp.Port,
            Environment = new Dictionary<string, string?>
            {
                ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Humas__TaskHub"] = "browser" + Guid.NewGuid().ToString("N")[..8],
            },
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser profile (no stored uploads) in a language and at a size. Each page counts what its security
    /// policy blocked, so a check can tell a page that works from one whose script or style was refused.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "id-ID", bool javaScript = true, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl, Locale = locale, JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await context.AddInitScriptAsync("""
            window.humasBlocked = [];
            document.addEventListener('securitypolicyviolation', e => window.humasBlocked.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Azurite is not null) await Azurite.DisposeAsync();
        Smtp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
