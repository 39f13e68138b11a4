using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Reach;
using Humas.Workflow.Storage;
using Microsoft.Playwright;
using MimeKit;
using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>
/// The channels' reach as leadership sees it: the dashboard's section and the weekly summary mail's chart, drawn by the
/// browser. The browser's local host has no channel configured, so the day rows are written into its storage as the
/// daily run keeps them (the run itself is tested against the channel stubs in the workflow tests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReachTests(BrowserFixture fixture)
{
    private async Task SeedAsync()
    {
        var connection = fixture.Azurite.ConnectionString;
        var store = new ReachStore(new HumasStorage(new TableServiceClient(connection), new BlobServiceClient(connection)));
        var today = ReachDay.Date(DateTimeOffset.UtcNow);
        for (var week = 6; week >= 0; week--)
        {
            var day = ReachDay.Name(today.AddDays(-7 * week));
            var (at, _) = ReachDay.Bounds(today.AddDays(-7 * week));
            var grown = 6 - week;
            await store.TryAddAsync(new ChannelReach("instagram", day, at.AddHours(6),
                new Dictionary<string, long> { ["followers"] = 27_400 + 220 * grown + 11 * grown * grown, ["media"] = 930 + 6 * grown }));
            await store.TryAddAsync(new ChannelReach("youtube", day, at.AddHours(6),
                new Dictionary<string, long> { ["subscribers"] = 3_050 + 18 * grown, ["views"] = 402_000 + 2_100 * grown, ["videos"] = 212 + grown }));
            await store.TryAddAsync(new ChannelReach("wordpress", day, at.AddHours(6), new Dictionary<string, long> { ["posts"] = 1_480 + 5 * grown }));
        }
    }

    [Fact]
    public async Task The_dashboard_shows_each_channels_reach_with_its_chart()
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync("id-ID", width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");

        var section = page.Locator("#reach");
        Assert.Equal("29.116", (await section.Locator("tr[data-channel=instagram][data-figure=followers] .latest").TextContentAsync())?.Trim());
        Assert.True(await section.Locator("img[alt='Grafik jangkauan kanal']").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        Assert.Equal(1, await section.Locator("[data-target=reach-instagram-followers]").CountAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        await AssertAccessibleAsync(page, "dashboard reach (phone)");

        await page.SetViewportSizeAsync(1366, 768);
        Directory.CreateDirectory(Screenshots.Folder);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-reach.png") });
    }

    [Fact]
    public async Task The_summary_mail_draws_the_reach_chart_from_its_inline_image()
    {
        await SeedAsync();
        var run = await fixture.Host.AdminHttp.PostAsync("/api/summaries/run", null);
        Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.Subject.Contains("Ringkasan capaian target") && m.HtmlBody!.Contains("data-section=\"reach\""),
            TimeSpan.FromSeconds(30));

        // The mail as a mail program shows it: each cid: address drawn from the message's own inline part.
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw)));
        var html = message.HtmlBody!;
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null))
        {
            using var bytes = new MemoryStream();
            await part.Content!.DecodeToAsync(bytes);
            html = html.Replace($"cid:{part.ContentId}", $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}");
        }
        await using var context = await fixture.NewContextAsync("id-ID", width: 760, height: 900);
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);

        var reach = page.Locator("[data-section=reach]");
        Assert.True(await reach.Locator("img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 600"));
        Assert.Contains("29.116", await reach.Locator("tr[data-channel=instagram][data-figure=followers]").TextContentAsync());
        Directory.CreateDirectory(Screenshots.Folder);
        await reach.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "summary-mail-reach.png") });
    }
}
