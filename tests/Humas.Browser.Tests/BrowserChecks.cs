using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Humas.Browser.Tests;

/// <summary>What several browser tests check the same way: accessibility, the record behind a tracking page, test media.</summary>
public static class BrowserChecks
{
    public static string Title(string what) => $"{what} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Bytes that pass the server's JPEG check; not a picture a browser can draw.</summary>
    public static byte[] Jpeg(int size = 64 * 1024)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 }.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A real photo, drawn and encoded by the browser itself, so a preview of it can be seen to load.</summary>
    public static async Task<byte[]> DrawnJpegAsync(IPage page)
    {
        var dataUrl = await page.EvaluateAsync<string>("""
            () => { const c = document.createElement('canvas'); c.width = 640; c.height = 360;
                    const g = c.getContext('2d'); const grad = g.createLinearGradient(0, 0, 640, 360);
                    grad.addColorStop(0, '#0b5cad'); grad.addColorStop(1, '#1c7c3c'); g.fillStyle = grad; g.fillRect(0, 0, 640, 360);
                    g.fillStyle = '#fff'; g.font = 'bold 40px sans-serif'; g.fillText('Lokakarya Guru', 40, 190);
                    return c.toDataURL('image/jpeg', 0.85); }
            """);
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',') + 1)..]);
    }

    public static byte[] Mp3(int size = 32 * 1024)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "ID3"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Mp4(int size = 256 * 1024)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2' }.CopyTo(bytes, 0);
        return bytes;
    }

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await AssertNothingBlockedAsync(page, what);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>The page's security policy refused nothing it loads or runs: its scripts, styles, media and uploads.</summary>
    public static async Task AssertNothingBlockedAsync(IPage page, string what)
    {
        var blocked = await page.EvaluateAsync<string[]>("() => window.humasBlocked || []");
        Assert.True(blocked.Length == 0, $"{what}: the page's policy blocked {string.Join("; ", blocked)}");
    }

    /// <summary>The staff view of the submission behind a tracking link.</summary>
    public static async Task<JsonElement> RecordBehindAsync(BrowserFixture fixture, string trackingUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, trackingUrl);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await fixture.Host.Http.SendAsync(request);
        var tracking = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var record = await fixture.Host.AdminHttp.GetAsync($"/api/submissions/{tracking.GetProperty("id").GetString()}");
        return JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<JsonElement> WaitForStatusAsync(BrowserFixture fixture, string trackingUrl, string status)
    {
        var record = await RecordBehindAsync(fixture, trackingUrl);
        for (var i = 0; i < 240 && record.GetProperty("status").GetString() != status; i++)
        {
            await Task.Delay(250);
            record = await RecordBehindAsync(fixture, trackingUrl);
        }
        Assert.Equal(status, record.GetProperty("status").GetString());
        return record;
    }

    /// <summary>Presses Tab until the focused element matches the selector; fails when it never does.</summary>
    public static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector)) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    public static Task<bool> FocusIsVisibleAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
}
