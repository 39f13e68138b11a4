using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using static Humas.Browser.Tests.BrowserChecks;

namespace Humas.Browser.Tests;

/// <summary>The submission form, the tracking page and the decision page in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SubmissionFormTests(BrowserFixture fixture) : IDisposable
{
    private readonly List<string> folders = [];

    public void Dispose()
    {
        foreach (var folder in folders) Directory.Delete(folder, recursive: true);
    }

    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";

    /// <summary>An MP4-looking file on disk, as a phone's video would be picked from the file chooser.</summary>
    private string VideoFile(long size)
    {
        var folder = Directory.CreateTempSubdirectory("humas-video-").FullName;
        folders.Add(folder);
        var path = Path.Combine(folder, "liputan-lokakarya.mp4");
        using var file = File.Create(path);
        file.Write([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2']);
        var chunk = RandomNumberGenerator.GetBytes(1024 * 1024);
        for (var written = 12L; written < size; written += chunk.Length)
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        return path;
    }

    private Task<JsonElement> StatusOfTrackingPageAsync(string trackingUrl) => RecordBehindAsync(fixture, trackingUrl);

    [Fact]
    public async Task Indonesian_form_is_filled_by_its_labels_sent_and_followed_on_the_tracking_page()
    {
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Pengajuan konten", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(page, "form (id)");
        await Screenshots.SaveAsync(page, "form");

        var title = Title("Lokakarya Kurikulum Merdeka di Semarang");
        await page.GetByLabel("Judul").FillAsync(title);
        await page.GetByLabel("Ringkasan").FillAsync("Lokakarya bersama guru SD se-Kota Semarang.");
        await page.GetByLabel("Jenis konten").SelectOptionAsync(new SelectOptionValue { Label = "Foto" });
        await page.GetByLabel("Instagram").CheckAsync();
        await page.GetByLabel("Kabupaten/kota").SelectOptionAsync(new SelectOptionValue { Label = "Kota Semarang" });
        await page.GetByLabel("Nama pengaju").FillAsync("Ani Wulandari");
        await page.GetByLabel("Email pengaju").FillAsync("ani@example.org");
        await page.GetByLabel("Berkas 1", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "foto-kegiatan.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await page.GetByLabel("Teks alternatif (wajib untuk gambar)").First.FillAsync("Guru SD berdiskusi dalam kelompok di aula");
        await page.GetByLabel("Keterangan (opsional)").First.FillAsync("Foto: Tim Humas");
        await page.Locator("#media-0-minors").SelectOptionAsync("no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim" }).ClickAsync();

        await page.WaitForURLAsync("**/track/**");
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Diajukan", await page.Locator("main").InnerTextAsync());
        var record = await StatusOfTrackingPageAsync(page.Url);
        Assert.Equal("3374", record.GetProperty("content").GetProperty("region").GetString());
        Assert.Equal(["website", "instagram"], record.GetProperty("content").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("foto-kegiatan.jpg", record.GetProperty("media")[0].GetProperty("name").GetString());
        Assert.Equal("Guru SD berdiskusi dalam kelompok di aula", record.GetProperty("media")[0].GetProperty("alt").GetString());
        Assert.Equal("Foto: Tim Humas", record.GetProperty("media")[0].GetProperty("caption").GetString());
        Assert.False(record.GetProperty("media")[0].GetProperty("minors").GetBoolean());
        await AssertAccessibleAsync(page, "tracking page");
    }

    [Fact]
    public async Task English_comes_from_the_browser_language_and_the_switch_and_the_messages_follow()
    {
        await using var context = await fixture.NewContextAsync("en-US");
        var page = await context.NewPageAsync();
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST" && r.Url.EndsWith("/api/submissions")) posts++; };
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Submit content", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Alt text (required for an image)", await page.Locator("label[for=media-0-alt]").InnerTextAsync());
        await Screenshots.SaveAsync(page, "form-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        // The page's own checks answer first, beside the fields, in English; nothing is sent.
        await page.GetByLabel("Your email").FillAsync("ani-at-example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        Assert.Equal("Required", await page.Locator("#title-error").InnerTextAsync());
        Assert.Equal("Not a valid email address", await page.Locator("#submitterEmail-error").InnerTextAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#title", "aria-invalid"));
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, posts);
        await AssertAccessibleAsync(page, "form (en) with messages");
        await Screenshots.SaveAsync(page, "form-errors-en");

        var title = Title("Webinar on learning communities");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Your email").FillAsync("budi@example.org");
        await page.GetByLabel("Content type").SelectOptionAsync(new SelectOptionValue { Label = "Webinar report" });
        await page.GetByLabel("PR track").SelectOptionAsync("external");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await page.WaitForURLAsync("**/track/**");
        Assert.Equal(1, posts);
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Submitted", await page.Locator("main").InnerTextAsync());
        Assert.Equal("external", (await StatusOfTrackingPageAsync(page.Url)).GetProperty("content").GetProperty("track").GetString());
    }

    [Fact]
    public async Task A_large_video_goes_up_in_blocks_with_a_moving_progress_bar_and_the_reviewer_decides_from_the_email()
    {
        const long size = 52L * 1024 * 1024;
        var video = VideoFile(size);
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        var blocks = 0;
        long postedBytes = -1;
        page.Request += (_, r) =>
        {
            if (r.Method == "PUT" && r.Url.Contains("comp=block&", StringComparison.Ordinal)) Interlocked.Increment(ref blocks);
            if (r.Method == "POST" && r.Url.EndsWith("/api/submissions")) postedBytes = r.PostDataBuffer?.Length ?? 0;
        };
        var progress = new List<int>();
        await page.ExposeFunctionAsync("humasProgress", (int value) => { lock (progress) progress.Add(value); });
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => { const bar = document.getElementById('upload-bar');
                    new MutationObserver(() => window.humasProgress(Math.round(bar.value))).observe(bar, { attributes: true }); }
            """);

        var title = Title("Video Lokakarya Guru Penggerak");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#contentType").SelectOptionAsync("video");
        await page.Locator("#submitterEmail").FillAsync("ani@example.org");
        await page.Locator("#media").SetInputFilesAsync(video);
        await page.Locator("#media-0-minors").SelectOptionAsync("no");
        // The profile asks a video submission for captions or a transcript; a large file's goes in mediaDetails.
        await page.GetByLabel("Transkrip (untuk video atau audio)").First.FillAsync("Sambutan kepala balai pada pembukaan lokakarya.");
        await page.Locator("#submit").ClickAsync();
        await page.WaitForURLAsync("**/track/**", new() { Timeout = 120_000 });

        int[] seen;
        lock (progress) seen = [.. progress];
        Assert.True(seen.Distinct().Count() >= 5, $"the bar moved through {string.Join(",", seen)}");
        Assert.Equal(seen.OrderBy(v => v), seen);
        Assert.Equal(100, seen[^1]);
        Assert.True(blocks >= size / (4 * 1024 * 1024), $"{blocks} blocks");
        Assert.InRange(postedBytes, 1, 256 * 1024); // the video itself did not ride in the form post
        var record = await StatusOfTrackingPageAsync(page.Url);
        var media = record.GetProperty("media")[0];
        Assert.Equal(size, media.GetProperty("size").GetInt64());
        Assert.Equal("video/mp4", media.GetProperty("contentType").GetString());
        Assert.Equal("Sambutan kepala balai pada pembukaan lokakarya.", media.GetProperty("transcript").GetString());
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));

        var trackingUrl = page.Url;
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Reviewer) && m.Subject.Contains(title), TimeSpan.FromSeconds(60));
        await page.GotoAsync(mail.Link("/act/"));
        Assert.Contains(title, await page.Locator("main").InnerTextAsync());
        await AssertAccessibleAsync(page, "decision page");
        await page.Locator("button.accept").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Terima kasih, keputusan tercatat" }).WaitForAsync();

        var status = "";
        for (var i = 0; i < 120 && status != "AwaitingApproval"; i++)
        {
            await Task.Delay(250);
            status = (await StatusOfTrackingPageAsync(trackingUrl)).GetProperty("status").GetString();
        }
        Assert.Equal("AwaitingApproval", status);
    }

    [Fact]
    public async Task A_dropped_connection_during_a_block_is_retried_and_the_upload_completes()
    {
        var video = VideoFile(18L * 1024 * 1024);
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        var third = Convert.ToBase64String("block-000002"u8.ToArray());
        var tries = 0;
        await page.RouteAsync(url => url.Contains("comp=block&", StringComparison.Ordinal) && Uri.UnescapeDataString(url).Contains(third, StringComparison.Ordinal), async route =>
        {
            if (Interlocked.Increment(ref tries) == 1) await route.AbortAsync("connectionreset");
            else await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        await page.Locator("#title").FillAsync(Title("Koneksi putus di tengah unggahan"));
        await page.Locator("#submitterEmail").FillAsync("ani@example.org");
        await page.Locator("#media").SetInputFilesAsync(video);
        await page.Locator("#media-0-minors").SelectOptionAsync("no");
        // The profile asks a video submission for captions or a transcript; a large file's goes in mediaDetails.
        await page.GetByLabel("Transkrip (untuk video atau audio)").First.FillAsync("Sambutan kepala balai pada pembukaan lokakarya.");
        await page.Locator("#submit").ClickAsync();
        await page.WaitForURLAsync("**/track/**", new() { Timeout = 120_000 });
        Assert.Equal(2, tries);
        var media = (await StatusOfTrackingPageAsync(page.Url)).GetProperty("media")[0];
        Assert.Equal(new FileInfo(video).Length, media.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Without_JavaScript_the_form_posts_the_plain_way_and_a_refusal_comes_back_beside_the_fields()
    {
        await using var context = await fixture.NewContextAsync("id-ID", javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var title = Title("Siaran pers tanpa JavaScript");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#region").SelectOptionAsync(new SelectOptionValue { Label = "Kabupaten Wonosobo" });
        await page.Locator("#publishAt").FillAsync("2020-01-01T08:00");
        await page.Locator("#submitterEmail").FillAsync("ani@example.org");
        await page.Locator("#media").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await page.Locator("#media-0-alt").FillAsync("Kepala sekolah membuka acara di halaman sekolah");
        await page.Locator("#media-0-minors").SelectOptionAsync("no");

        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator("#submit").ClickAsync(), IsSubmission);
        Assert.Equal(400, refused.Status);
        // The form being left has the same fields (and an empty, hidden #publishAt-error): read nothing until the
        // server's page with its error summary is the one shown.
        await page.Locator("#error-summary").WaitForAsync();
        Assert.Contains("masa depan", await page.Locator("#publishAt-error").InnerTextAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#publishAt", "aria-invalid"));
        Assert.Equal(title, await page.Locator("#title").InputValueAsync());
        Assert.Equal("ani@example.org", await page.Locator("#submitterEmail").InputValueAsync());
        Assert.Equal("3307", await page.Locator("#region").InputValueAsync());
        Assert.True(await page.Locator("#error-summary a[href='#publishAt']").IsVisibleAsync());
        Assert.Equal("Kepala sekolah membuka acara di halaman sekolah", await page.Locator("#media-0-alt").InputValueAsync());
        Assert.Equal("no", await page.Locator("#media-0-minors").InputValueAsync());
        await Screenshots.SaveAsync(page, "form-errors");

        var tomorrow = DateTimeOffset.UtcNow.AddDays(2).ToOffset(TimeSpan.FromHours(7));
        await page.Locator("#publishAt").FillAsync(tomorrow.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.Locator("#media").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        var accepted = await page.RunAndWaitForResponseAsync(() => page.Locator("#submit").ClickAsync(), IsSubmission);
        Assert.Equal(303, accepted.Status);
        // What the test needs is the tracking page's document, not every request it makes to have gone quiet.
        await page.WaitForURLAsync("**/track/**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        var record = await StatusOfTrackingPageAsync(page.Url);
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd'T'HH:mm"), record.GetProperty("content").GetProperty("publishAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm"));
        Assert.Single(record.GetProperty("media").EnumerateArray());
    }

    private static bool IsSubmission(IResponse r) => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/api/submissions";

    [Fact]
    public async Task The_form_the_server_sends_back_with_messages_is_accessible()
    {
        // Axe needs script in the page, so the no-script refusal is checked by loading the server's HTML into a scripted page.
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Judul"), "title" },
            { new StringContent("bukan-email"), "submitterEmail" },
            { new StringContent("2020-01-01T08:00"), "publishAtWib" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await fixture.Host.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Judul\"", html);

        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.SetContentAsync(html);
        Assert.True(await page.Locator("#submitterEmail-error").IsVisibleAsync());
        Assert.True(await page.Locator("#publishAt-error").IsVisibleAsync());
        await AssertAccessibleAsync(page, "refused form");
    }

    [Fact]
    public async Task The_form_can_be_filled_and_sent_with_the_keyboard_alone_with_a_visible_focus()
    {
        await using var context = await fixture.NewContextAsync("id-ID");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));

        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 80; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<string>("document.activeElement.id") == id) return;
            }
            Assert.Fail($"Tab never reached #{id}");
        }

        var title = Title("Berita dari papan ketik");
        await TabToAsync("title");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync(title);
        await TabToAsync("region");
        await page.Keyboard.TypeAsync("Kota Sal");
        await TabToAsync("submitterEmail");
        await page.Keyboard.TypeAsync("ani@example.org");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/track/**");
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("3373", (await StatusOfTrackingPageAsync(page.Url)).GetProperty("content").GetProperty("region").GetString());
    }
}
