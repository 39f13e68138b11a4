using Humas.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.Browser.Tests;

/// <summary>Saves a page at phone and laptop widths under docs/screenshots, for the README.</summary>
public static class Screenshots
{
    public static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 390, 844), ("laptop", 1366, 768)];

    public static string Folder => Path.Combine(RepoPaths.Root, "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize;
        foreach (var (size, width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            var path = Path.Combine(Folder, $"{name}-{size}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, $"{path} is empty");
        }
        if (original is not null) await page.SetViewportSizeAsync(original.Width, original.Height);
    }
}
