using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Links;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>One Azurite and one SMTP server for the end-to-end tests; each test class starts its own local host.</summary>
public sealed class SystemFixture : StorageAndMailFixture
{
    /// <summary>A local host on its own task hub, so hosts of different tests never take each other's work.</summary>
    public async Task<RunningSystem> StartHostAsync(IDictionary<string, string?>? settings = null, string? dataDir = null)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var environment = new Dictionary<string, string?>
        {
            ["Humas__LinkSigningKey"] = Convert.ToBase64String(key),
            ["Humas__TaskHub"] = "hub" + Guid.NewGuid().ToString("N")[..10],
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) environment[k] = v;
        var host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = Azurite.ConnectionString, SmtpPort = Smtp.Port, Environment = environment, DataDir = dataDir,
        });
        return new RunningSystem(this, host, new LinkSigner(key), environment["Humas__TaskHub"]!);
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}

/// <summary>A running local host and what a test needs to drive it and look into its storage.</summary>
public sealed class RunningSystem(SystemFixture fixture, LocalHostProcess host, LinkSigner signer, string taskHub) : IAsyncDisposable
{
    public LocalHostProcess Host { get; } = host;
    public LinkSigner Signer { get; } = signer;
    public SmtpSink Smtp => fixture.Smtp;
    public TableClient Submissions => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Submissions");
    public TableClient Instances => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(taskHub + "Instances");
    public TableClient History => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(taskHub + "History");
    public BlobContainerClient Media => new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient("media");

    /// <summary>Ends an instance as an operator would with the engine's own client, behind the local host's back.</summary>
    public async Task TerminateWorkflowAsync(string id, string reason)
    {
        var service = new DurableTask.AzureStorage.AzureStorageOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider(fixture.Azurite.ConnectionString),
        });
        await new Humas.LocalHost.Engine.TaskHubDurableTaskClient(service).TerminateInstanceAsync(id, reason);
    }

    public static MultipartFormDataContent Form(IDictionary<string, string> fields, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        var n = 0;
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(file, "media", name);
            AddDetails(form, type, ++n);
        }
        return form;
    }

    /// <summary>What every file needs said about it: its own alt text, no children in it, and a recording's transcript.</summary>
    public static void AddDetails(MultipartFormDataContent form, string type, int n)
    {
        form.Add(new StringContent(type.StartsWith("image/") ? $"Peserta lokakarya berdiskusi, gambar nomor {n}" : ""), "alt");
        form.Add(new StringContent(""), "caption");
        form.Add(new StringContent(type.StartsWith("image/") || type.StartsWith("video/") ? "no" : ""), "minors");
        form.Add(new StringContent(type.StartsWith("video/") || type.StartsWith("audio/") ? $"Transkrip rekaman nomor {n}: sambutan kepala balai." : ""), "transcript");
    }

    /// <summary>What a decider ticks for a content type: its checklist in the built-in profile, less what is ticked by itself.</summary>
    public static IReadOnlyList<string> Checklist(string contentType) =>
        Humas.Workflow.Profiles.UnitProfileLoader.Load("bbpmp-jateng").ChecklistFor(contentType).Where(i => i.Automatic is null).Select(i => i.Key).ToList();

    public static Dictionary<string, string> Fields(string title, string track = "internal") => new()
    {
        ["title"] = title, ["summary"] = "Ringkasan kegiatan", ["body"] = "Isi berita kegiatan.", ["contentType"] = "news",
        ["channels"] = "website", ["track"] = track, ["region"] = "3374", ["team"] = "tim-kerja-3",
        ["submitterName"] = "Ani Wulandari", ["submitterEmail"] = "ani@example.org",
    };

    /// <summary>A small JPEG: the right magic bytes and a body, enough to be what its name says.</summary>
    public static byte[] Jpeg(int size = 4096)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 }.CopyTo(bytes, 0);
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public async Task<(string Id, string TrackingUrl)> SubmitAsync(HttpContent content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(json.RootElement.GetProperty("trackingUrl").GetString(), response.Headers.Location?.ToString());
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("trackingUrl").GetString()!);
    }

    public Task<ReceivedMail> MailAsync(string to, string title, string subjectPart, int timeoutSeconds = 30) =>
        Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subjectPart),
            TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The mail's link of that kind, without the decision a decision mail's button adds to it (<c>?decision=</c>).</summary>
    public static string LinkIn(ReceivedMail mail, string kind)
    {
        var link = mail.Links.First(l => l.Contains($"/{kind}/", StringComparison.Ordinal));
        return link.Split("?decision=")[0];
    }

    /// <param name="ticked">The checklist items the decider ticks (the content type's, from the unit profile).</param>
    public async Task<HttpResponseMessage> DecideAsync(string link, string decision, string? comment = null, IEnumerable<string>? ticked = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("decision", decision) };
        if (comment is not null) fields.Add(new("comment", comment));
        fields.AddRange((ticked ?? []).Select(t => new KeyValuePair<string, string>("checklist", t)));
        return await Host.Http.PostAsync(link, new FormUrlEncodedContent(fields));
    }

    /// <summary>Hands the link's seat to <paramref name="to"/> (a person key) with a reason, as the decision page's second form does.</summary>
    public async Task<HttpResponseMessage> HandOnAsync(string link, string? to, string? comment)
    {
        var fields = new List<KeyValuePair<string, string>> { new("decision", "reassign") };
        if (to is not null) fields.Add(new("to", to));
        if (comment is not null) fields.Add(new("comment", comment));
        return await Host.Http.PostAsync(link, new FormUrlEncodedContent(fields));
    }

    public async Task<JsonDocument> StatusAsync(string id)
    {
        var response = await Host.AdminHttp.GetAsync($"/api/submissions/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonDocument> WaitForStatusAsync(string id, string status, int timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            var doc = await StatusAsync(id);
            last = doc.RootElement.GetProperty("status").GetString();
            if (last == status) return doc;
            doc.Dispose();
            await Task.Delay(250);
        }
        throw new TimeoutException($"{id} is {last}, not {status}. Host log:\n{Host.LogTail()}");
    }

    /// <summary>The engine's runtime status once it is no longer Running or Pending (the record is written just before).</summary>
    public async Task<string> WaitForWorkflowEndAsync(string id, int timeoutSeconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        string? runtime = null;
        while (DateTime.UtcNow < until)
        {
            using var doc = await StatusAsync(id);
            runtime = doc.RootElement.GetProperty("workflow").GetProperty("runtimeStatus").GetString();
            if (runtime is not ("Running" or "Pending")) return runtime!;
            await Task.Delay(250);
        }
        return runtime ?? "unknown";
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
