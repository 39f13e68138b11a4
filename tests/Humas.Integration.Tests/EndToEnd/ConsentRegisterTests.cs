using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// The consent register and takedown over HTTP on the local host: a photo of children rests on a registered consent,
/// is approved and published, and comes down from the feed and /media when the consent is withdrawn or staff take it
/// down; intake refuses a consent id the register does not hold; the register's document is never public.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConsentRegisterTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await system.DisposeAsync();

    private static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");

    private async Task<JsonElement> RegisterAsync(string validUntil = "2030-12-31", string? signedOn = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Ananda Putri"), "person" },
            { new StringContent("Ibu Sari"), "guardian" },
            { new StringContent("SD Negeri 1 Semarang"), "schoolOrEvent" },
            { new StringContent(signedOn ?? Today), "signedOn" },
            { new StringContent(validUntil), "validUntil" },
        };
        var document = new ByteArrayContent(Pdf);
        document.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        form.Add(document, "document", "izin-wali.pdf");
        using var response = await system.Host.AdminHttp.PostAsync("/api/consents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Photo(string title, string? consentId)
    {
        var fields = RunningSystem.Fields(title);
        fields["contentType"] = "news";
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(RunningSystem.Jpeg());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "media", "kelas.jpg");
        form.Add(new StringContent("Siswa kelas 5 membaca bersama gurunya"), "alt");
        form.Add(new StringContent(""), "caption");
        form.Add(new StringContent("yes"), "minors");
        if (consentId is not null) form.Add(new StringContent(consentId), "consentId");
        return form;
    }

    private async Task<string> PublishedAsync(string title, string consentId)
    {
        var (id, _) = await system.SubmitAsync(Photo(title, consentId));
        var reviewLink = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(reviewLink, "accept", ticked: RunningSystem.Checklist("news"))).StatusCode);
        var approvalLink = RunningSystem.LinkIn(await system.MailAsync(Approver, title, "Mohon persetujuan"), "act");
        var page = await system.Host.Http.GetStringAsync(approvalLink);
        Assert.Contains("persetujuan terdaftar berlaku sampai 2030-12-31", page);
        Assert.Contains("id=\"checklist-consent\" data-done=\"true\"", page);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(approvalLink, "approve", ticked: RunningSystem.Checklist("news"))).StatusCode);
        await system.WaitForStatusAsync(id, "Published");
        Assert.Equal(HttpStatusCode.OK, (await system.Host.Http.GetAsync($"/media/{id}/kelas.jpg")).StatusCode);
        Assert.Contains(id, await system.Host.Http.GetStringAsync("/api/published"));
        return id;
    }

    /// <summary>Gone from the feed, /published and /media; the history has the website's step and the status with the reason.</summary>
    private async Task AssertTakenDownAsync(string id, string reasonPart)
    {
        var record = await system.WaitForStatusAsync(id, "TakenDown");
        Assert.Equal(HttpStatusCode.NotFound, (await system.Host.Http.GetAsync($"/media/{id}/kelas.jpg")).StatusCode);
        foreach (var path in new[] { "/published", "/feed.atom", "/api/published" })
            Assert.DoesNotContain(id, await system.Host.Http.GetStringAsync(path));
        var history = record.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("event").GetString() == "TakedownStep" && h.GetProperty("decision").GetString() == "website");
        var last = history[^1];
        Assert.Equal("TakenDown", last.GetProperty("event").GetString());
        Assert.Contains(reasonPart, last.GetProperty("comment").GetString());
        var evidence = Assert.Single(record.RootElement.GetProperty("takedowns").EnumerateArray());
        Assert.Equal("Removed", evidence.GetProperty("outcome").GetString());
        // A retry of the channel would publish it again: refused.
        Assert.Equal(HttpStatusCode.Conflict, (await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/publications/website/retry", null)).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_consent_takes_down_the_photo_that_rests_on_it()
    {
        var consent = await RegisterAsync();
        var consentId = consent.GetProperty("id").GetString()!;
        Assert.Equal("Valid", consent.GetProperty("state").GetString());
        var id = await PublishedAsync("Kelas membaca terdaftar " + Guid.NewGuid().ToString("N")[..8], consentId);

        using var withdraw = await system.Host.AdminHttp.PostAsync($"/api/consents/{consentId}/withdraw",
            new StringContent("""{"reason":"Orang tua mencabut izin"}""", Encoding.UTF8, "application/json"));
        var body = await withdraw.Content.ReadAsStringAsync();
        Assert.True(withdraw.StatusCode == HttpStatusCode.Accepted, body);
        Assert.Contains(id, body);

        await AssertTakenDownAsync(id, "Orang tua mencabut izin");
        var listed = JsonDocument.Parse(await system.Host.AdminHttp.GetStringAsync("/api/consents")).RootElement.GetProperty("items")
            .EnumerateArray().Single(c => c.GetProperty("id").GetString() == consentId);
        Assert.Equal("Withdrawn", listed.GetProperty("state").GetString());

        // Withdrawn, it is refused at intake, naming the field and why.
        var refused = await system.Host.Http.PostAsync("/api/submissions", Photo("Lagi " + Guid.NewGuid().ToString("N")[..8], consentId));
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("withdrawn", errors.GetProperty("consentId")[0].GetString());
    }

    [Fact]
    public async Task Staff_take_a_published_item_down_with_a_reason()
    {
        var consentId = (await RegisterAsync()).GetProperty("id").GetString()!;
        var id = await PublishedAsync("Kelas membaca diturunkan " + Guid.NewGuid().ToString("N")[..8], consentId);

        var noReason = await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/takedown", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await system.Host.AdminHttp.PostAsync("/api/submissions/20260101-0000000000/takedown", new FormUrlEncodedContent([new("reason", "x")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await system.Host.Http.PostAsync($"/api/submissions/{id}/takedown", new FormUrlEncodedContent([new("reason", "x")]))).StatusCode);

        var taken = await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/takedown", new FormUrlEncodedContent([new("reason", "Foto salah kegiatan")]));
        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        await AssertTakenDownAsync(id, "Foto salah kegiatan");
    }

    [Fact]
    public async Task An_unknown_or_expired_consent_id_is_refused_at_intake_and_nothing_is_stored()
    {
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(-1).ToString("yyyy-MM-dd");
        var expired = await RegisterAsync(validUntil: yesterday, signedOn: "2025-01-06");
        Assert.Equal("Expired", expired.GetProperty("state").GetString());
        foreach (var (consentId, why) in new[]
                 {
                     ("c-20260101-0000000000", "register"), ("bukan id!", "letters"), (expired.GetProperty("id").GetString()!, "valid until " + yesterday),
                 })
        {
            var before = system.Submissions.Query<Azure.Data.Tables.TableEntity>(e => e.RowKey == "record").Count();
            var response = await system.Host.Http.PostAsync("/api/submissions", Photo("Tidak ada " + Guid.NewGuid().ToString("N")[..8], consentId));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Contains(why, JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("consentId")[0].GetString());
            Assert.Equal(before, system.Submissions.Query<Azure.Data.Tables.TableEntity>(e => e.RowKey == "record").Count());
        }
    }

    [Fact]
    public async Task The_registers_document_is_reachable_only_through_a_short_lived_signed_link()
    {
        var consent = await RegisterAsync();
        var link = consent.GetProperty("document").GetProperty("readUrl").GetString()!;
        Assert.Contains("sig=", link);
        Assert.Contains("se=", link);
        using (var signed = await new HttpClient().GetAsync(link))
            Assert.Equal(Pdf, await signed.Content.ReadAsByteArrayAsync());
        using var bare = await new HttpClient().GetAsync(new Uri(link).GetLeftPart(UriPartial.Path));
        Assert.False(bare.IsSuccessStatusCode, $"{(int)bare.StatusCode} without a key");
        // Nor through the staff route without the staff key, nor is the person's name in any address.
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.GetAsync("/api/consents")).StatusCode);
        Assert.DoesNotContain("Ananda", link);
    }

    [Fact]
    public async Task A_consent_with_a_bad_field_is_refused_naming_it_and_nothing_is_stored()
    {
        var before = JsonDocument.Parse(await system.Host.AdminHttp.GetStringAsync("/api/consents")).RootElement.GetProperty("items").GetArrayLength();
        foreach (var (json, field) in new[]
                 {
                     ("""{"guardian":"Ibu Sari","schoolOrEvent":"SD 1","signedOn":"2026-01-05","validUntil":"2027-01-05"}""", "person"),
                     ("""{"person":"A","guardian":"B","schoolOrEvent":"SD 1","signedOn":"5 Januari","validUntil":"2027-01-05"}""", "signedOn"),
                     ("""{"person":"A","guardian":"B","schoolOrEvent":"SD 1","signedOn":"2026-01-05","validUntil":"2025-01-05"}""", "validUntil"),
                     ("""{"person":"A","guardian":"B","schoolOrEvent":"SD 1","signedOn":"2026-01-05","validUntil":"2027-01-05","document":"x"}""", "document"),
                 })
        {
            using var response = await system.Host.AdminHttp.PostAsync("/api/consents", new StringContent(json, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        Assert.Equal(before, JsonDocument.Parse(await system.Host.AdminHttp.GetStringAsync("/api/consents")).RootElement.GetProperty("items").GetArrayLength());
    }
}
