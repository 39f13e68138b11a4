using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>The target dashboard leadership opens from the weekly summary, often on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_dashboard_fits_a_phone_without_sideways_scrolling_and_is_accessible()
    {
        await using var context = await fixture.NewContextAsync("id-ID", width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.Locator(".target").CountAsync() > 0);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        await AssertAccessibleAsync(page, "dashboard (phone)");

        await page.SetViewportSizeAsync(1366, 768);
        await AssertAccessibleAsync(page, "dashboard (laptop)");
        await Screenshots.SaveAsync(page, "dashboard");
    }
}
