using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// The gates before publication over HTTP: the content type's checklist holds an accept, a photo marked with children
/// holds the approval until a consent is given, and a consent document is never reachable from anything public.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GateTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await system.DisposeAsync();

    private static MultipartFormDataContent Photo(string title, string contentType, string minors, byte[]? consentPdf = null)
    {
        var fields = RunningSystem.Fields(title);
        fields["contentType"] = contentType;
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(RunningSystem.Jpeg());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "media", "kelas.jpg");
        form.Add(new StringContent("Siswa kelas 5 membaca bersama gurunya"), "alt");
        form.Add(new StringContent("Foto: Tim Humas"), "caption");
        form.Add(new StringContent(minors), "minors");
        if (consentPdf is not null)
        {
            var consent = new ByteArrayContent(consentPdf);
            consent.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            form.Add(consent, "consentDocument", "persetujuan-wali.pdf");
        }
        return form;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Clone();
    }

    private async Task<HttpResponseMessage> DecideAsync(string link, string decision, params string[] ticked)
    {
        var fields = new List<KeyValuePair<string, string>> { new("decision", decision) };
        fields.AddRange(ticked.Select(t => new KeyValuePair<string, string>("checklist", t)));
        return await system.Host.Http.PostAsync(link, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_photo_with_children_and_no_consent_cannot_be_approved_and_the_checklist_holds_the_accept()
    {
        var title = "Kelas membaca " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(Photo(title, "photo", "yes"));

        var reviewLink = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        var page = await system.Host.Http.GetStringAsync(reviewLink);
        Assert.Contains("name=\"checklist\" value=\"credit\"", page);
        Assert.Contains("menampilkan anak-anak; persetujuan belum ada", page);

        // The photographer's credit is not ticked: the accept is refused naming it, and nothing is claimed.
        var errors = await ErrorsAsync(await DecideAsync(reviewLink, "accept"));
        Assert.True(errors.TryGetProperty("checklist.credit", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("checklist.alt", out _)); // the alt text is there
        Assert.Equal("InReview", (await system.StatusAsync(id)).RootElement.GetProperty("status").GetString());
        var unknown = await ErrorsAsync(await DecideAsync(reviewLink, "accept", "credit", "bribe"));
        Assert.True(unknown.TryGetProperty("checklist", out _));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(reviewLink, "accept", "credit")).StatusCode);
        await system.WaitForStatusAsync(id, "AwaitingApproval");

        var approvalLink = RunningSystem.LinkIn(await system.MailAsync(Approver, title, "Mohon persetujuan"), "act");
        Assert.Contains("id=\"checklist-consent\" data-done=\"false\"", await system.Host.Http.GetStringAsync(approvalLink));
        var refused = await ErrorsAsync(await DecideAsync(approvalLink, "approve", "credit"));
        Assert.True(refused.TryGetProperty("checklist.consent", out _), refused.ToString());
        Assert.Equal("AwaitingApproval", (await system.StatusAsync(id)).RootElement.GetProperty("status").GetString());

        // The way on is a revision that asks for the consent.
        var revise = new FormUrlEncodedContent([new("decision", "revise"), new("comment", "Lampirkan persetujuan orang tua.")]);
        Assert.Equal(HttpStatusCode.OK, (await system.Host.Http.PostAsync(approvalLink, revise)).StatusCode);
        await system.WaitForStatusAsync(id, "RevisionRequested");
    }

    [Fact]
    public async Task With_a_consent_document_it_is_approved_and_published_and_the_document_is_never_public()
    {
        var title = "Kelas membaca dengan izin " + Guid.NewGuid().ToString("N")[..8];
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
        var (id, tracking) = await system.SubmitAsync(Photo(title, "news", "yes", pdf));

        var reviewLink = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(reviewLink, "accept")).StatusCode);
        var approvalLink = RunningSystem.LinkIn(await system.MailAsync(Approver, title, "Mohon persetujuan"), "act");
        var page = await system.Host.Http.GetStringAsync(approvalLink);
        Assert.Contains("menampilkan anak-anak; persetujuan ada", page);
        // The decider opens it through a short-lived read link to the blob, not through any route of the site.
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]+consent-persetujuan-wali.pdf[^\"]*)\"").Groups[1].Value;
        Assert.Contains("sig=", System.Net.WebUtility.HtmlDecode(link));
        Assert.Contains("se=", System.Net.WebUtility.HtmlDecode(link));
        using (var blob = await new HttpClient().GetAsync(System.Net.WebUtility.HtmlDecode(link)))
            Assert.Equal(pdf, await blob.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(approvalLink, "approve")).StatusCode);
        await system.WaitForStatusAsync(id, "Published");

        // Published: the photo is public, the consent document is not, by any name, nor is it on the page or in the feed.
        var media = $"/media/{id}";
        Assert.Equal(HttpStatusCode.OK, (await system.Host.Http.GetAsync($"{media}/kelas.jpg")).StatusCode);
        foreach (var name in new[] { "persetujuan-wali.pdf", "consent-persetujuan-wali.pdf", "99-consent-persetujuan-wali.pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await system.Host.Http.GetAsync($"{media}/{name}")).StatusCode);
        foreach (var path in new[] { "/published", "/feed.atom", "/api/published" })
            Assert.DoesNotContain("persetujuan-wali", await system.Host.Http.GetStringAsync(path));
        var trackRequest = new HttpRequestMessage(HttpMethod.Get, tracking);
        trackRequest.Headers.Accept.ParseAdd("application/json");
        Assert.DoesNotContain("persetujuan-wali", await (await system.Host.Http.SendAsync(trackRequest)).Content.ReadAsStringAsync());
        // A blob address without a key is refused by the storage itself.
        var bare = new Uri(System.Net.WebUtility.HtmlDecode(link)).GetLeftPart(UriPartial.Path);
        using var anonymous = await new HttpClient().GetAsync(bare);
        Assert.False(anonymous.IsSuccessStatusCode, $"{(int)anonymous.StatusCode} for {bare}");
    }

    [Fact]
    public async Task A_press_release_is_accepted_only_with_its_contact_and_cleared_quote_ticked()
    {
        var title = "Siaran pers " + Guid.NewGuid().ToString("N")[..8];
        var fields = RunningSystem.Fields(title);
        fields["contentType"] = "press-release";
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(fields));
        var reviewLink = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        var errors = await ErrorsAsync(await DecideAsync(reviewLink, "accept", "contact"));
        Assert.Equal(["checklist.quote"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(reviewLink, "accept", "contact", "quote")).StatusCode);
        await system.WaitForStatusAsync(id, "AwaitingApproval");
    }
}
