using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>Refused submissions name the field and leave no record, blob or workflow behind.</summary>
[Collection(SystemCollection.Name)]
public sealed class InvalidSubmissionTests(SystemFixture fixture) : IAsyncLifetime
{
    private const long MaxFileBytes = 1024 * 1024;
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Intake__MaxFileBytes"] = MaxFileBytes.ToString(),
    });

    public async Task DisposeAsync() => await system.DisposeAsync();

    private async Task<(int Records, int Blobs, int Instances)> CountAsync()
    {
        var records = system.Submissions.Query<TableEntity>(select: ["PartitionKey"]).Count();
        var blobs = 0;
        await foreach (var _ in system.Media.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, default)) blobs++;
        var instances = system.Instances.Query<TableEntity>(select: ["PartitionKey"]).Count();
        return (records, blobs, instances);
    }

    public static TheoryData<string, string, int> Cases => new()
    {
        { "no-title", "title", 400 },
        { "bad-email", "submitterEmail", 400 },
        { "unknown-content-type", "contentType", 400 },
        { "unknown-region", "region", 400 },
        { "past-publish-date", "publishAt", 400 },
        { "executable-named-jpg", "media", 415 },
        { "pdf-named-jpg", "media", 415 },
        { "file-over-the-limit", "media", 413 },
        { "too-many-files", "media", 400 },
        { "json-wrong-type", "title", 400 },
        { "json-malformed", "body", 400 },
        { "unsupported-content-type", "Content-Type", 415 },
        { "photo-without-alt", "media[0].alt", 400 },
        { "alt-is-the-file-name", "media[0].alt", 400 },
        { "alt-is-a-camera-name", "media[0].alt", 400 },
        { "same-alt-for-two-photos", "media[1].alt", 400 },
        { "alt-too-long", "media[0].alt", 400 },
        { "photo-without-minors", "media[0].minors", 400 },
        { "minors-neither-yes-nor-no", "media[0].minors", 400 },
        { "more-alts-than-files", "alt", 400 },
        { "media-details-not-an-array", "mediaDetails", 400 },
    };

    /// <summary>A photo post with its per-file fields as given, in the contract's order.</summary>
    private static MultipartFormDataContent Photos(Dictionary<string, string> fields, params (string Alt, string Minors)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        for (var i = 0; i < photos.Length; i++)
        {
            var file = new ByteArrayContent(RunningSystem.Jpeg());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "media", $"foto-{i}.jpg");
            form.Add(new StringContent(photos[i].Alt), "alt");
            form.Add(new StringContent(""), "caption");
            form.Add(new StringContent(photos[i].Minors), "minors");
        }
        return form;
    }

    private static HttpContent Build(string kind)
    {
        var fields = RunningSystem.Fields("Judul " + kind);
        switch (kind)
        {
            case "no-title": fields.Remove("title"); break;
            case "bad-email": fields["submitterEmail"] = "ani-at-example"; break;
            case "unknown-content-type": fields["contentType"] = "meme"; break;
            case "unknown-region": fields["region"] = "9999"; break;
            case "past-publish-date": fields["publishAt"] = "2020-01-01T08:00:00+07:00"; break;
            case "executable-named-jpg":
                var elf = new byte[4096];
                new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(elf, 0);
                return RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg()), ("virus.jpg", "image/jpeg", elf));
            case "pdf-named-jpg":
                return RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", "%PDF-1.7 fake"u8.ToArray()));
            case "file-over-the-limit":
                return RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg()), ("besar.jpg", "image/jpeg", RunningSystem.Jpeg((int)MaxFileBytes + 100_000)));
            case "too-many-files":
                return RunningSystem.Form(fields, Enumerable.Range(0, 11).Select(i => ($"f{i}.jpg", "image/jpeg", RunningSystem.Jpeg(1000))).ToArray());
            case "json-wrong-type":
                return new StringContent(JsonSerializer.Serialize(new { title = 42, submitterEmail = "ani@example.org" }), Encoding.UTF8, "application/json");
            case "json-malformed":
                return new StringContent("{\"title\": \"x\",", Encoding.UTF8, "application/json");
            case "photo-without-alt": return Photos(fields, ("", "no"));
            case "alt-is-the-file-name": return Photos(fields, ("foto-0.jpg", "no"));
            case "alt-is-a-camera-name": return Photos(fields, ("IMG_20261201_0931", "no"));
            case "same-alt-for-two-photos": return Photos(fields, ("Guru berdiskusi di aula", "no"), ("Guru  berdiskusi di aula", "no"));
            case "alt-too-long": return Photos(fields, (new string('a', 251), "no"));
            case "photo-without-minors": return Photos(fields, ("Guru berdiskusi di aula", ""));
            case "minors-neither-yes-nor-no": return Photos(fields, ("Guru berdiskusi di aula", "mungkin"));
            case "more-alts-than-files":
                var extra = Photos(fields, ("Guru berdiskusi di aula", "no"));
                extra.Add(new StringContent("Teks tanpa berkas"), "alt");
                return extra;
            case "media-details-not-an-array":
                return new StringContent(JsonSerializer.Serialize(new { title = "x", submitterEmail = "ani@example.org", mediaDetails = "semua foto" }), Encoding.UTF8, "application/json");
            case "unsupported-content-type":
                return new StringContent("title=x", Encoding.UTF8, "text/plain");
        }
        return RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refused_submission_names_the_field_and_leaves_nothing_behind(string kind, string field, int status)
    {
        var before = await CountAsync();
        var response = await system.Host.Http.PostAsync("/api/submissions", Build(kind));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{kind}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var reasons), body);
        Assert.NotEqual(0, reasons.GetArrayLength());

        await Task.Delay(300);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_valid_submission_does_leave_its_record_blob_and_workflow()
    {
        var before = await CountAsync();
        await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields("Judul sah"), ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
        var after = await CountAsync();
        Assert.True(after.Records > before.Records);
        Assert.Equal(before.Blobs + 1, after.Blobs);
        Assert.Equal(before.Instances + 1, after.Instances);
    }
}
