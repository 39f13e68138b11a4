using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>
/// The pages people reach from their email: the decision page, the revision page and the tracking page,
/// in a real browser, by mouse and by keyboard, checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionAndTrackingTests(BrowserFixture fixture)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string Submitter = "ani@example.org";

    private sealed record Submitted(string Id, string TrackingUrl);

    /// <summary>Sends a submission as a form tool would; the pages under test are the ones after it.</summary>
    private async Task<Submitted> SubmitAsync(string title, IEnumerable<(string Name, string Type, byte[] Bytes)> media, params string[] channels)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Lokakarya bersama guru SD se-Kota Semarang."), "summary" },
            { new StringContent("Sebanyak 120 guru mengikuti lokakarya.\nNarasumber dari BBPMP Jawa Tengah."), "body" },
            { new StringContent("photo"), "contentType" },
            { new StringContent("internal"), "track" },
            { new StringContent("3374"), "region" },
            { new StringContent("Ani Wulandari"), "submitterName" },
            { new StringContent(Submitter), "submitterEmail" },
        };
        foreach (var channel in channels) form.Add(new StringContent(channel), "channels");
        foreach (var (name, type, bytes) in media)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "media", name);
            form.Add(new StringContent(type.StartsWith("image/") ? $"Guru mengikuti lokakarya, {name}".Replace(".jpg", "") : ""), "alt");
            form.Add(new StringContent(""), "caption");
            form.Add(new StringContent(type.StartsWith("image/") || type.StartsWith("video/") ? "no" : ""), "minors");
        }
        using var response = await fixture.Host.Http.PostAsync("/api/submissions", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new Submitted(json.GetProperty("id").GetString()!, json.GetProperty("trackingUrl").GetString()!);
    }

    private async Task<string> LinkAsync(string to, string title, string fragment) =>
        (await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Links.Any(l => l.Contains(fragment)), TimeSpan.FromSeconds(60)))
        .Link(fragment);

    /// <summary>The media link answers with the bytes' type: the preview plays what was uploaded.</summary>
    private async Task AssertServedAsync(string url, string contentType)
    {
        using var response = await fixture.Host.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_decision_page_previews_the_media_says_what_happens_next_and_wants_a_comment_before_a_revision()
    {
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var photo = await DrawnJpegAsync(page);
        var title = Title("Lokakarya Kurikulum Merdeka");
        var submitted = await SubmitAsync(title,
            [("foto-lokakarya.jpg", "image/jpeg", photo), ("siniar-guru.mp3", "audio/mpeg", Mp3()), ("cuplikan.mp4", "video/mp4", Mp4())],
            "website", "instagram");

        var response = await page.GotoAsync(await LinkAsync(Reviewer, title, "/act/"));
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(title, await page.Locator("#content-title").InnerTextAsync());
        // Previews from Blob Storage load and the page's own script runs under a policy that allows no inline script.
        Assert.Contains("script-src 'self';", (await response!.AllHeadersAsync())["content-security-policy"]);

        // The photo is drawn; the video and the podcast have players whose links serve the uploaded bytes.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure[data-kind=image] img'); return i && i.complete && i.naturalWidth === 640; }");
        Assert.Equal("Guru mengikuti lokakarya, foto-lokakarya", await page.Locator("figure[data-kind=image] img").GetAttributeAsync("alt"));
        var video = page.Locator("figure[data-kind=video] video");
        Assert.NotNull(await video.GetAttributeAsync("controls"));
        await AssertServedAsync((await video.GetAttributeAsync("src"))!, "video/mp4");
        var audio = page.Locator("figure[data-kind=audio] audio");
        Assert.NotNull(await audio.GetAttributeAsync("controls"));
        await AssertServedAsync((await audio.GetAttributeAsync("src"))!, "audio/mpeg");
        Assert.Contains("Media (3)", await page.Locator("#media-title").InnerTextAsync());

        // One sentence per decision, tied to its button, naming who comes next.
        Assert.Equal("Konten diteruskan ke Kepala Bagian Umum untuk persetujuan.", await page.Locator("#next-accept").InnerTextAsync());
        Assert.Equal("Ani Wulandari diminta merevisi sesuai catatan Anda; revisinya kembali ke peninjau.", await page.Locator("#next-revise").InnerTextAsync());
        Assert.Contains("ditutup", await page.Locator("#next-reject").InnerTextAsync());
        Assert.Equal("next-revise", await page.Locator("button[value=revise]").GetAttributeAsync("aria-describedby"));
        Assert.Contains("Wajib bila Anda meminta revisi atau menolak", await page.Locator("#comment-hint").InnerTextAsync());
        await AssertAccessibleAsync(page, "decision page");
        await Screenshots.SaveAsync(page, "decision");
        // The photo's checklist with each item's state: the credit to tick, the alt text read off the photo.
        Assert.Equal("true", await page.Locator("#checklist-alt").GetAttributeAsync("data-done"));
        Assert.False(await page.Locator("#checklist-credit").IsCheckedAsync());
        var here = page.Url;
        await page.GotoAsync(here + (here.Contains('?') ? "&" : "?") + "lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Checklist", await page.Locator("#checklist legend").InnerTextAsync());
        Assert.Contains("The photographer is credited", await page.Locator("#checklist").InnerTextAsync());
        await AssertAccessibleAsync(page, "decision page (en)");
        await Screenshots.SaveAsync(page, "decision-en");
        // Accepting without the credit ticked is stopped in the page, naming what is missing; nothing is sent.
        var early = 0;
        page.Request += (_, r) => { if (r.Method == "POST") early++; };
        await page.Locator("button.accept").ClickAsync();
        Assert.True(await page.Locator("#checklist-error").IsVisibleAsync());
        Assert.Equal(0, early);
        await page.GotoAsync(here);

        // Asking for a revision without a comment is stopped in the page, beside the box; nothing is sent.
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };
        await page.GetByRole(AriaRole.Button, new() { Name = "Minta revisi" }).ClickAsync();
        Assert.Equal(0, posts);
        Assert.True(await page.Locator("#comment-error").IsVisibleAsync());
        Assert.Contains("wajib bila meminta revisi", await page.Locator("#comment-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#comment").GetAttributeAsync("aria-invalid"));
        Assert.Equal("comment", await page.EvaluateAsync<string>("document.activeElement.id"));
        await AssertAccessibleAsync(page, "decision page with its message");

        // The rest by keyboard alone, with the focus in sight.
        const string note = "Lengkapi nama narasumber dan jumlah sekolah.";
        await page.Keyboard.TypeAsync(note);
        Assert.False(await page.Locator("#comment-error").IsVisibleAsync());
        await TabToAsync(page, "button[value=revise]");
        Assert.True(await FocusIsVisibleAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terima kasih, keputusan tercatat" }).WaitForAsync();
        Assert.Equal(1, posts);
        await AssertNothingBlockedAsync(page, "decision recorded");

        // The submitter follows it on the tracking page: the note, by whom, and that the next move is theirs.
        var reviseLink = await LinkAsync(Submitter, title, "/revise/");
        await page.GotoAsync(submitted.TrackingUrl);
        var asked = page.Locator("ol.timeline li[data-event=RevisionAsked]");
        Assert.Contains("Oleh: Redaktur Humas", await asked.InnerTextAsync());
        Assert.Equal(note, await asked.Locator("blockquote").InnerTextAsync());
        Assert.Equal("Revision", await page.Locator("#now dd[data-stage]").GetAttributeAsync("data-stage"));
        Assert.Equal("Ani Wulandari", await page.Locator("#waiting-for").InnerTextAsync());
        Assert.Contains("Tinjauan", await page.Locator("ol.steps li[aria-current=step]").InnerTextAsync());
        await AssertAccessibleAsync(page, "tracking page, revision asked");

        // The revision page shows the note and sends the change back to review.
        await page.GotoAsync(reviseLink);
        Assert.Equal(note, await page.Locator("#revision-note").InnerTextAsync());
        Assert.Contains("Redaktur Humas", await page.Locator("section.card").First.InnerTextAsync());
        await AssertAccessibleAsync(page, "revision page");
        await Screenshots.SaveAsync(page, "revision");
        await page.GetByLabel("Judul").FillAsync(title + " (revisi)");
        await page.GetByLabel("Catatan untuk peninjau (opsional)").FillAsync("Narasumber dan jumlah sekolah sudah dilengkapi.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim revisi" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terima kasih, revisi terkirim" }).WaitForAsync();
        var record = await WaitForStatusAsync(fixture, submitted.TrackingUrl, "InReview");
        Assert.Equal(title + " (revisi)", record.GetProperty("content").GetProperty("title").GetString());

        // The second round's page says what changed, word by word, and offers to hand the decision on (no script needed).
        var secondRound = (await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Reviewer) && m.Subject.Contains(title + " (revisi)") && m.Links.Any(l => l.Contains("/act/")),
            TimeSpan.FromSeconds(60))).Link("/act/");
        await page.GotoAsync(secondRound);
        Assert.Equal("(revisi)", await page.Locator("#changes ins").First.InnerTextAsync());
        Assert.Contains("Yang berubah sejak putaran 1", await page.Locator("#changes-title").InnerTextAsync());
        Assert.True(await page.Locator("#handon-form select[name=to] option[value=head]").CountAsync() == 1);
        await AssertAccessibleAsync(page, "decision page, second round");
        await Screenshots.SaveAsync(page, "decision-changes");
        await page.GotoAsync(secondRound + (secondRound.Contains('?') ? "&" : "?") + "lang=en");
        Assert.Contains("What changed since round 1", await page.Locator("#changes-title").InnerTextAsync());
        Assert.Equal("Hand on to a colleague", await page.Locator("#handon-title").InnerTextAsync());
        await AssertAccessibleAsync(page, "decision page, second round (en)");
        await Screenshots.SaveAsync(page, "decision-changes-en");
    }

    [Fact]
    public async Task The_tracking_page_tells_the_history_after_each_decision_and_the_publications_with_their_evidence()
    {
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var title = Title("Gelar Karya P5 SD Negeri Salatiga");
        var submitted = await SubmitAsync(title, [("gelar-karya.jpg", "image/jpeg", await DrawnJpegAsync(page))], "website", "instagram");

        await page.GotoAsync(await LinkAsync(Reviewer, title, "/act/"));
        await page.GetByLabel("Catatan untuk pengaju").FillAsync("Foto dan narasi sudah baik.");
        await page.GetByLabel("Nama fotografer (kredit) tercantum").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terima kasih, keputusan tercatat" }).WaitForAsync();
        await WaitForStatusAsync(fixture, submitted.TrackingUrl, "AwaitingApproval");

        await page.GotoAsync(submitted.TrackingUrl);
        var events = await page.Locator("ol.timeline > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.event)");
        Assert.Equal(["Submitted", "ReviewRequested", "ReviewAccepted", "ApprovalRequested"], events);
        Assert.Contains("Oleh: Ani Wulandari", await page.Locator("li[data-event=Submitted]").InnerTextAsync());
        Assert.Contains("Kepada: Redaktur Humas", await page.Locator("li[data-event=ReviewRequested]").InnerTextAsync());
        var accepted = page.Locator("li[data-event=ReviewAccepted]");
        Assert.Contains("Oleh: Redaktur Humas", await accepted.InnerTextAsync());
        Assert.Equal("Foto dan narasi sudah baik.", await accepted.Locator("blockquote").InnerTextAsync());
        var at = await accepted.Locator("time").GetAttributeAsync("datetime");
        var shown = await accepted.Locator("time").InnerTextAsync();
        Assert.EndsWith("WIB", shown);
        Assert.Contains(DateTimeOffset.Parse(at!).ToOffset(TimeSpan.FromHours(7)).ToString("HH.mm"), shown);
        Assert.Equal("Approval", await page.Locator("#now dd[data-stage]").GetAttributeAsync("data-stage"));
        Assert.Equal("Kepala Bagian Umum", await page.Locator("#waiting-for").InnerTextAsync());
        Assert.Contains("sisa", await page.Locator("#now").InnerTextAsync());
        Assert.Contains("Persetujuan", await page.Locator("ol.steps li[aria-current=step]").InnerTextAsync());
        Assert.Equal(2, await page.Locator("ol.steps li.done").CountAsync());
        await AssertAccessibleAsync(page, "tracking page, awaiting approval");
        await Screenshots.SaveAsync(page, "tracking");

        await page.GotoAsync(await LinkAsync(Approver, title, "/act/"));
        Assert.Equal("Konten langsung diterbitkan di: Situs web, Instagram.", await page.Locator("#next-approve").InnerTextAsync());
        await page.GetByLabel("Nama fotografer (kredit) tercantum").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terima kasih, keputusan tercatat" }).WaitForAsync();
        await WaitForStatusAsync(fixture, submitted.TrackingUrl, "Published");

        await page.GotoAsync(submitted.TrackingUrl);
        var website = page.Locator("li[data-channel=website]");
        Assert.Equal("Published", await website.GetAttributeAsync("data-status"));
        Assert.EndsWith($"/published#{submitted.Id}", await website.Locator("a").GetAttributeAsync("href"));
        Assert.Equal("NotConfigured", await page.Locator("li[data-channel=instagram]").GetAttributeAsync("data-status"));
        Assert.Contains("Kanal belum dikonfigurasi", await page.Locator("li[data-channel=instagram]").InnerTextAsync());
        Assert.Equal(4, await page.Locator("ol.steps li.done").CountAsync());
        Assert.Equal(0, await page.Locator("form").CountAsync());
        await AssertAccessibleAsync(page, "tracking page, published");
        await Screenshots.SaveAsync(page, "tracking-published");

        await website.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/published*");
        Assert.Contains(title, await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task The_submitter_withdraws_from_the_tracking_page_by_keyboard_and_the_decision_link_says_the_stage_is_over()
    {
        var title = Title("Berita yang salah unggah");
        var submitted = await SubmitAsync(title, [], "website");
        var decisionLink = await LinkAsync(Reviewer, title, "/act/");

        await using var context = await fixture.NewContextAsync("en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync(submitted.TrackingUrl);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.False(await page.Locator("#reason").IsVisibleAsync());
        await AssertAccessibleAsync(page, "tracking page (en)");

        await TabToAsync(page, "summary");
        Assert.True(await FocusIsVisibleAsync(page));
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("#reason").IsVisibleAsync());
        await AssertAccessibleAsync(page, "tracking page with the withdrawal open");
        await TabToAsync(page, "#reason");
        await page.Keyboard.TypeAsync("Uploaded the wrong draft");
        await TabToAsync(page, "button.reject");
        var answer = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(202, answer.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Withdrawal received" }).WaitForAsync();
        await AssertAccessibleAsync(page, "withdrawal received");

        await WaitForStatusAsync(fixture, submitted.TrackingUrl, "Withdrawn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the tracking page" }).ClickAsync();
        Assert.Equal("Withdrawn", await page.Locator("h1 + p .status").GetAttributeAsync("data-status"));
        var withdrawn = page.Locator("ol.timeline > li").Last;
        Assert.Equal("Withdrawn", await withdrawn.GetAttributeAsync("data-event"));
        Assert.Equal("Uploaded the wrong draft", await withdrawn.Locator("blockquote").InnerTextAsync());
        Assert.Contains("By: Ani Wulandari", await withdrawn.InnerTextAsync());
        Assert.Equal(0, await page.Locator("form").CountAsync());
        Assert.Contains("Withdrawn", await page.Locator("ol.steps li.stopped").InnerTextAsync());

        await page.GotoAsync(decisionLink);
        await page.GetByRole(AriaRole.Heading, new() { Name = "This stage is over" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("button").CountAsync());
    }
}
