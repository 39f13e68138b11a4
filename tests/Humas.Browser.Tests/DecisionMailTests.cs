using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MimeKit;
using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>
/// The review mail as a phone shows it: received from the real SMTP server, drawn with its inline photo at 390 px, and
/// its buttons followed to the confirmation page, in Indonesian and in English, without anything being decided.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionMailTests(BrowserFixture fixture)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";

    private async Task<string> SubmitAsync(string title, byte[] photo)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Lokakarya bersama guru SD se-Kota Semarang tentang asesmen diagnostik."), "summary" },
            { new StringContent("Sebanyak 120 guru mengikuti lokakarya."), "body" },
            { new StringContent("news"), "contentType" },
            { new StringContent("internal"), "track" },
            { new StringContent("3374"), "region" },
            { new StringContent("Ani Wulandari"), "submitterName" },
            { new StringContent("ani@example.org"), "submitterEmail" },
            { new StringContent("website"), "channels" },
            { new StringContent("instagram"), "channels" },
        };
        foreach (var (name, type, bytes) in new[] { ("foto-lokakarya.jpg", "image/jpeg", photo), ("siniar-guru.mp3", "audio/mpeg", Mp3()) })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "media", name);
            form.Add(new StringContent(type.StartsWith("image/") ? "Guru SD berdiskusi dalam lokakarya asesmen" : ""), "alt");
            form.Add(new StringContent(""), "caption");
            form.Add(new StringContent(type.StartsWith("image/") ? "no" : ""), "minors");
        }
        using var response = await fixture.Host.Http.PostAsync("/api/submissions", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingUrl").GetString()!;
    }

    [Fact]
    public async Task The_review_mail_fits_a_phone_with_its_photo_and_each_button_opens_the_page_with_that_decision_chosen()
    {
        await using var context = await fixture.NewContextAsync("id-ID", width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var title = Title("Lokakarya Asesmen Diagnostik");
        var tracking = await SubmitAsync(title, await DrawnJpegAsync(page));
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Reviewer) && m.Subject.Contains(title) && m.Links.Any(l => l.Contains("/act/")),
            TimeSpan.FromSeconds(60));

        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Raw)));
        var inline = message.BodyParts.OfType<MimePart>().Single(p => p.ContentId == "foto-pertama");
        using var photo = new MemoryStream();
        await inline.Content!.DecodeToAsync(photo);
        Assert.InRange(photo.Length, 1_000, 100 * 1024);
        Assert.Contains("1 media lain", mail.TextBody);
        Assert.Contains("Wilayah / Region: Kota Semarang", mail.TextBody);

        // What the phone's mail program does with cid: the part's bytes in place of the reference. A blank page: the
        // site's own policy (no inline style) must not apply to the mail.
        page = await context.NewPageAsync();
        await page.SetContentAsync(mail.HtmlBody!.Replace("cid:foto-pertama", "data:image/jpeg;base64," + Convert.ToBase64String(photo.ToArray())));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img'); return i && i.complete && i.naturalWidth === 480; }");
        Assert.Equal("Guru SD berdiskusi dalam lokakarya asesmen", await page.GetAttributeAsync("img", "alt"));
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + ' ' + e.getBoundingClientRect().right + ' ' + (e.textContent || '').slice(0, 60))");
        Assert.True(wide.Length == 0, "the mail is wider than 390 px: " + string.Join(" | ", wide));
        Directory.CreateDirectory(Screenshots.Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "mail-decision-phone.png"), FullPage = true });

        var buttons = await page.Locator("a[data-decision]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('data-decision') + ' ' + a.href)");
        Assert.Equal(["accept", "revise", "reject"], buttons.Select(b => b.Split(' ')[0]));
        foreach (var (locale, lang) in new[] { ("id-ID", "id"), ("en-US", "en") })
        {
            await using var reader = await fixture.NewContextAsync(locale, width: 390, height: 844);
            var decision = await reader.NewPageAsync();
            await decision.GotoAsync(buttons[1].Split(' ')[1]);
            Assert.Equal(lang, await decision.GetAttributeAsync("html", "lang"));
            Assert.Equal("revise", await decision.Locator("button.chosen").GetAttributeAsync("value"));
            await Assertions.Expect(decision.Locator(".chosen-note")).ToBeVisibleAsync();
            await decision.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"mail-decision-chosen-{lang}-phone.png"), FullPage = true });
        }

        // Following the buttons decided nothing.
        using var request = new HttpRequestMessage(HttpMethod.Get, tracking);
        request.Headers.Accept.ParseAdd("application/json");
        using var status = await fixture.Host.Http.SendAsync(request);
        Assert.Equal("InReview", JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }
}
