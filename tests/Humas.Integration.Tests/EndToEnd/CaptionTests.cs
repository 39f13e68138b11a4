using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// A video's words as text, over HTTP: the unit's profile asks captions or a transcript of a video submission, the
/// caption file is kept beside the video, the deciders read both, and the transcript is published with the video on
/// /published and in the feed.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CaptionTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string Vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSelamat pagi, Bapak dan Ibu guru.\n";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await system.DisposeAsync();

    private static byte[] Mp4() => [0, 0, 0, 0x18, .. "ftypisom"u8, .. new byte[8192]];

    private static MultipartFormDataContent VideoForm(string title, string? transcript, string? vtt)
    {
        var fields = RunningSystem.Fields(title);
        fields["contentType"] = "video";
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(Mp4());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("video/mp4");
        form.Add(file, "media", "sambutan.mp4");
        form.Add(new StringContent(""), "alt");
        form.Add(new StringContent("no"), "minors");
        form.Add(new StringContent(transcript ?? ""), "transcript");
        if (vtt is not null)
        {
            var captions = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(vtt));
            captions.Headers.ContentType = MediaTypeHeaderValue.Parse("text/vtt");
            form.Add(captions, "captions", "sambutan.vtt");
        }
        return form;
    }

    [Fact]
    public async Task A_video_without_captions_or_transcript_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var title = "Sambutan tanpa transkrip " + Guid.NewGuid().ToString("N")[..8];
        var response = await system.Host.Http.PostAsync("/api/submissions", VideoForm(title, null, null));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Contains(".vtt", errors.GetProperty("media[0].transcript")[0].GetString());
        var rows = new List<string>();
        await foreach (var row in system.Submissions.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == "record"))
            if (row.GetString("Json")?.Contains(title) == true) rows.Add(row.PartitionKey);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_video_with_a_vtt_and_a_transcript_is_decided_with_both_and_published_with_its_transcript()
    {
        var title = "Sambutan kepala balai " + Guid.NewGuid().ToString("N")[..8];
        const string transcript = "Selamat pagi, Bapak dan Ibu guru <semua>.\nTerima kasih atas kehadirannya.";
        var (id, _) = await system.SubmitAsync(VideoForm(title, transcript, Vtt));

        // The caption file is kept beside the video, as sent.
        var kept = (await system.Media.GetBlobClient($"{id}/00-sambutan.mp4.captions.vtt").DownloadContentAsync()).Value;
        Assert.Equal(Vtt, kept.Content.ToString());
        Assert.Equal("text/vtt", kept.Details.ContentType);

        var reviewLink = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        var page = await system.Host.Http.GetStringAsync(reviewLink);
        Assert.Contains("berkas VTT", page);
        Assert.Contains("Selamat pagi, Bapak dan Ibu guru &lt;semua&gt;.", page);
        Assert.Contains("id=\"checklist-captions\" data-done=\"true\"", page);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(reviewLink, "accept")).StatusCode);
        var approvalLink = RunningSystem.LinkIn(await system.MailAsync(Approver, title, "Mohon persetujuan"), "act");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(approvalLink, "approve")).StatusCode);
        await system.WaitForStatusAsync(id, "Published");

        var published = await system.Host.Http.GetStringAsync("/published");
        Assert.Contains("<summary>Transkrip</summary>", published);
        Assert.Contains("Selamat pagi, Bapak dan Ibu guru &lt;semua&gt;.", published);
        var feed = XDocument.Parse(await system.Host.Http.GetStringAsync("/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")?.Value == title);
        var content = entry.Element(atom + "content")!.Value;
        Assert.Contains("<details class=\"transcript\">", content);
        Assert.Contains("Terima kasih atas kehadirannya.", content);
        Assert.DoesNotContain("<semua>", content);
    }
}
