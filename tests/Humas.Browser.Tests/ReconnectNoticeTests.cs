using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>
/// The staff page's notice of a channel that needs reconnecting, as staff see it before they open the workspace. The
/// browser's host has no channel configured, so the mark is written as a refused publication or the reach run keeps it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectNoticeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_staff_page_names_the_channel_that_needs_reconnecting_and_what_waits_for_it()
    {
        var connection = fixture.Azurite.ConnectionString;
        var health = new ChannelHealthStore(new HumasStorage(new TableServiceClient(connection), new BlobServiceClient(connection)));
        await health.MarkAsync(WordPressChannel.ChannelName, "WordPress sign-in: HTTP 401", DateTimeOffset.UtcNow.AddHours(-5));
        try
        {
            await using var context = await fixture.NewContextAsync("id-ID", width: 1366, height: 768);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/staff");

            var notice = page.Locator("section.reconnect[data-reconnect=wordpress]");
            Assert.Equal("WordPress perlu dihubungkan ulang", (await notice.Locator("h2").TextContentAsync())?.Trim());
            Assert.Contains("Publikasi ke WordPress menunggu", await notice.TextContentAsync());
            Assert.DoesNotContain("HTTP 401", await page.ContentAsync());
            await AssertNothingBlockedAsync(page, "staff page");
            // The workspace has no h1 of its own (its title is the header's); everything else must pass.
            var axe = await page.RunAxe();
            Assert.Empty(axe.Violations.Where(v => v.Id != "page-has-heading-one").Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
            Directory.CreateDirectory(Screenshots.Folder);
            await notice.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "staff-reconnect.png") });
        }
        finally
        {
            // The other pages of this host must not show the mark.
            await health.ClearAsync(WordPressChannel.ChannelName);
        }
    }
}
