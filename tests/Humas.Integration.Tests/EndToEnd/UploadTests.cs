using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// Direct uploads over plain HTTP: the link is a valet key for one blob, and a submission takes an upload
/// only after the same checks a file in the form post gets.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class UploadTests(SystemFixture fixture) : IAsyncLifetime
{
    private const int LinkSeconds = 6;
    private RunningSystem system = null!;
    private readonly HttpClient storage = new();

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Intake__UploadLinkLifetime"] = $"00:00:{LinkSeconds:D2}",
        ["Humas__Intake__MaxUploadBytes"] = (64L * 1024 * 1024).ToString(),
    });

    public async Task DisposeAsync()
    {
        storage.Dispose();
        await system.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> OpenAsync(object declared)
    {
        using var response = await system.Host.Http.PostAsJsonAsync("/api/uploads", declared);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<(string Id, Uri Url)> OpenAsync(string fileName, string contentType, long size)
    {
        var (status, body) = await OpenAsync(new { fileName, contentType, size });
        using (body)
        {
            Assert.True(status == HttpStatusCode.Created, body.RootElement.ToString());
            Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
            return (body.RootElement.GetProperty("uploadId").GetString()!, new Uri(body.RootElement.GetProperty("uploadUrl").GetString()!));
        }
    }

    /// <summary>Put Block and Put Block List, the way the page sends a file.</summary>
    private async Task<HttpStatusCode> SendInBlocksAsync(Uri url, byte[] bytes, int blockSize = 64 * 1024)
    {
        var ids = new List<string>();
        for (var offset = 0; offset < bytes.Length; offset += blockSize)
        {
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{ids.Count:D6}"));
            ids.Add(id);
            using var block = await storage.PutAsync($"{url}&comp=block&blockid={Uri.EscapeDataString(id)}",
                new ByteArrayContent(bytes, offset, Math.Min(blockSize, bytes.Length - offset)));
            if (!block.IsSuccessStatusCode) return block.StatusCode;
        }
        var list = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>" + string.Concat(ids.Select(i => $"<Latest>{i}</Latest>")) + "</BlockList>";
        using var commit = await storage.PutAsync($"{url}&comp=blocklist", new StringContent(list, Encoding.UTF8, "application/xml"));
        return commit.StatusCode;
    }

    private async Task<HttpStatusCode> PutBlobAsync(string url, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await storage.SendAsync(request);
        return response.StatusCode;
    }

    private Dictionary<string, object> Submission(string title, params string[] uploads)
    {
        var fields = RunningSystem.Fields(title).ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        fields["uploads"] = uploads;
        fields["mediaDetails"] = uploads.Select(u => new { uploadId = u, alt = "Guru dan siswa di ruang kelas", minors = "no" }).ToArray();
        return fields;
    }

    [Fact]
    public async Task An_upload_link_writes_its_one_blob_and_cannot_read_write_another_or_outlive_its_expiry()
    {
        var (_, url) = await OpenAsync("liputan.jpg", "image/jpeg", 4096);
        var jpeg = RunningSystem.Jpeg();

        Assert.Equal(HttpStatusCode.Created, await PutBlobAsync(url.ToString(), jpeg));

        using (var read = await storage.GetAsync(url))
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);

        var path = url.GetLeftPart(UriPartial.Path);
        var other = path[..(path.LastIndexOf('/') + 1)] + "lain.jpg" + url.Query;
        Assert.Equal(HttpStatusCode.Forbidden, await PutBlobAsync(other, jpeg));
        var otherFolder = path[..path.LastIndexOf('/', path.LastIndexOf('/') - 1)] + "/20990101-0000/liputan.jpg" + url.Query;
        Assert.Equal(HttpStatusCode.Forbidden, await PutBlobAsync(otherFolder, jpeg));

        var container = path[..path.LastIndexOf('/', path.LastIndexOf('/') - 1)];
        using (var list = await storage.GetAsync(container + url.Query + "&restype=container&comp=list"))
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(LinkSeconds + 2));
        Assert.Equal(HttpStatusCode.Forbidden, await PutBlobAsync(url.ToString(), jpeg));
    }

    [Fact]
    public async Task A_submission_takes_its_uploads_as_media_and_no_second_submission_can_take_them()
    {
        var video = new byte[3 * 1024 * 1024 + 123];
        Random.Shared.NextBytes(video);
        new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2' }.CopyTo(video, 0);
        var (id, url) = await OpenAsync("Liputan Lokakarya.mp4", "video/mp4", video.Length);
        Assert.Equal(HttpStatusCode.Created, await SendInBlocksAsync(url, video, 1024 * 1024));

        using var response = await system.Host.Http.PostAsJsonAsync("/api/submissions", Submission("Lokakarya dengan video", id));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var submissionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var status = await system.StatusAsync(submissionId);
        var item = status.RootElement.GetProperty("media").EnumerateArray().Single();
        Assert.Equal("Liputan-Lokakarya.mp4", item.GetProperty("name").GetString());
        Assert.Equal("video/mp4", item.GetProperty("contentType").GetString());
        Assert.Equal(video.Length, item.GetProperty("size").GetInt64());
        var copy = (await system.Media.GetBlobClient($"{submissionId}/00-Liputan-Lokakarya.mp4").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(video, copy);
        var uploads = new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient("uploads");
        Assert.False((await uploads.GetBlobClient($"{id}/Liputan-Lokakarya.mp4").ExistsAsync()).Value);

        using var again = await system.Host.Http.PostAsJsonAsync("/api/submissions", Submission("Pengajuan kedua", id));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("uploads", await again.Content.ReadAsStringAsync());

        // The page asks for a fresh link for an unfinished upload; a taken one is not renewed.
        var (renewStatus, renewBody) = await OpenAsync(new { fileName = "Liputan Lokakarya.mp4", contentType = "video/mp4", size = video.Length, uploadId = id });
        renewBody.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, renewStatus);
    }

    [Fact]
    public async Task An_unfinished_upload_gets_a_fresh_link_for_the_same_blob()
    {
        var jpeg = RunningSystem.Jpeg(300 * 1024);
        var (id, first) = await OpenAsync("foto.jpg", "image/jpeg", jpeg.Length);
        var (status, body) = await OpenAsync(new { fileName = "foto.jpg", contentType = "image/jpeg", size = jpeg.Length, uploadId = id });
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(id, body.RootElement.GetProperty("uploadId").GetString());
            var second = new Uri(body.RootElement.GetProperty("uploadUrl").GetString()!);
            Assert.Equal(first.GetLeftPart(UriPartial.Path), second.GetLeftPart(UriPartial.Path));
            Assert.Equal(HttpStatusCode.Created, await SendInBlocksAsync(second, jpeg));
        }
        using var response = await system.Host.Http.PostAsJsonAsync("/api/submissions", Submission("Foto lewat tautan baru", id));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static TheoryData<string, int, string> Declarations => new()
    {
        { """{"contentType":"image/jpeg","size":10}""", 400, "fileName" },
        { """{"fileName":"a.jpg","contentType":"image/jpeg"}""", 400, "size" },
        { """{"fileName":"a.jpg","contentType":"image/jpeg","size":0}""", 400, "size" },
        { """{"fileName":"a.jpg","contentType":"image/jpeg","size":"besar"}""", 400, "size" },
        { """{"fileName":"a.jpg","size":10}""", 400, "contentType" },
        { """{"fileName":"setup.exe","contentType":"application/octet-stream","size":10}""", 415, "fileName" },
        { """{"fileName":"a.jpg","contentType":"video/mp4","size":10}""", 415, "contentType" },
        { """{"fileName":"a.mp4","contentType":"video/mp4","size":68719476736}""", 413, "size" },
        { """[1,2]""", 400, "body" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task A_bad_declaration_is_refused_naming_the_field_and_opens_nothing(string json, int expected, string field)
    {
        var before = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Uploads").Query<TableEntity>().Count();
        using var response = await system.Host.Http.PostAsync("/api/uploads", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
        Assert.Equal(before, new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Uploads").Query<TableEntity>().Count());
    }

    [Fact]
    public async Task Uploads_that_are_unknown_unfinished_incomplete_or_not_what_they_claim_refuse_the_submission_and_leave_nothing()
    {
        async Task Refused(int expected, params string[] uploads)
        {
            var records = system.Submissions.Query<TableEntity>(select: ["PartitionKey"]).Count();
            using var response = await system.Host.Http.PostAsJsonAsync("/api/submissions", Submission("Ditolak " + expected, uploads));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == (int)response.StatusCode, body);
            using var problem = JsonDocument.Parse(body);
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("uploads", out _), body);
            Assert.Equal(records, system.Submissions.Query<TableEntity>(select: ["PartitionKey"]).Count());
        }

        await Refused(400, "20260101-00000000000000000000000000000000");
        await Refused(400, "bukan-id");

        var (unfinished, _) = await OpenAsync("belum.jpg", "image/jpeg", 4096);
        await Refused(400, unfinished);

        var (partial, partialUrl) = await OpenAsync("sebagian.jpg", "image/jpeg", 8192);
        Assert.Equal(HttpStatusCode.Created, await SendInBlocksAsync(partialUrl, RunningSystem.Jpeg(4096)));
        await Refused(400, partial);

        var elf = new byte[4096];
        new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }.CopyTo(elf, 0);
        var (disguised, disguisedUrl) = await OpenAsync("foto.jpg", "image/jpeg", elf.Length);
        Assert.Equal(HttpStatusCode.Created, await SendInBlocksAsync(disguisedUrl, elf));
        await Refused(415, disguised);

        // A good upload beside a bad one is not taken either, and stays free for the corrected submission.
        var (good, goodUrl) = await OpenAsync("baik.jpg", "image/jpeg", 4096);
        Assert.Equal(HttpStatusCode.Created, await SendInBlocksAsync(goodUrl, RunningSystem.Jpeg()));
        await Refused(415, good, disguised);
        using var response = await system.Host.Http.PostAsJsonAsync("/api/submissions", Submission("Diperbaiki", good));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
