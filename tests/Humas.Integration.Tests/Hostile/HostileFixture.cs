using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Links;
using Humas.Workflow.Storage;

namespace Humas.Integration.Tests.Hostile;

/// <summary>
/// A local host of the hostile corpus's own, with three submissions standing still at known stages so that
/// links of every kind can be altered, expired, replayed and crossed: one in review, one back with its
/// submitter for revision, one whose review link was already used (now awaiting approval).
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public const long MaxFileBytes = 256 * 1024;
    public const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    public const string Approver = "kabag.umum@bbpmp-jateng.example";

    public byte[] Key { get; } = RandomNumberGenerator.GetBytes(32);

    public AzuriteProcess Azurite { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();
    public LocalHostProcess Host { get; private set; } = null!;
    public LinkSigner Signer => new(Key);

    /// <summary>Reads the opaque links the host mails, from the rows it keeps for them.</summary>
    public LinkBook Book => new(new LinkKeys([new LinkKey(LinkKeys.SingleKeyId, Key)]), Signer,
        new SubmissionStore(new HumasStorage(new TableServiceClient(Azurite.ConnectionString), new BlobServiceClient(Azurite.ConnectionString))));
    public string TaskHub { get; } = "hostile" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Waiting for review; its review link is unused.</summary>
    public Seeded InReview { get; private set; } = null!;

    /// <summary>Sent back to its submitter; the revise link is unused.</summary>
    public Seeded InRevision { get; private set; } = null!;

    /// <summary>Its review link was used to accept; it now waits for approval.</summary>
    public Seeded Decided { get; private set; } = null!;

    public sealed record Seeded(string Id, string TrackingUrl, string ActUrl, string? ReviseUrl = null);

    /// <summary>A partner medium in the register, so that its items route has something to refuse items for.</summary>
    public string MediumId { get; private set; } = null!;

    /// <summary>A PUT /api/people body that would be accepted as it is (the people as they stand); cases break one part.</summary>
    public string PeopleBody { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = Azurite.ConnectionString, SmtpPort = Smtp.Port,
            Environment = new Dictionary<string, string?>
            {
                ["Humas__LinkSigningKey"] = Convert.ToBase64String(Key),
                ["Humas__TaskHub"] = TaskHub,
                ["Humas__Intake__MaxFileBytes"] = MaxFileBytes.ToString(),
            },
        });
        InReview = await SeedAsync("Menunggu tinjauan");
        var revision = await SeedAsync("Perlu revisi");
        Assert.Equal(200, (int)(await DecideAsync(revision.ActUrl, "revise", "Mohon lengkapi")).StatusCode);
        var revise = await Smtp.WaitForMessageAsync(m => m.IsFor("ani@example.org") && m.Subject.Contains("Mohon revisi") && m.Subject.Contains("Perlu revisi"),
            TimeSpan.FromSeconds(30));
        InRevision = revision with { ReviseUrl = RunningSystem.LinkIn(revise, "revise") };
        Decided = await SeedAsync("Sudah diputuskan");
        Assert.Equal(200, (int)(await DecideAsync(Decided.ActUrl, "accept")).StatusCode);
        await Smtp.WaitForMessageAsync(m => m.IsFor(Approver) && m.Subject.Contains("Sudah diputuskan"), TimeSpan.FromSeconds(30));
        MediumId = await SeedMediumAsync();
        PeopleBody = await PeopleBodyAsync();
        await WaitUntilStillAsync();
    }

    private async Task<string> SeedMediumAsync()
    {
        using var response = await Host.AdminHttp.PostAsync("/api/partner-media",
            new StringContent("""{"name":"Warta Jateng Uji","scope":"local","url":"https://warta.example/"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(201, (int)response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string> PeopleBodyAsync()
    {
        var view = System.Text.Json.Nodes.JsonNode.Parse(await Host.AdminHttp.GetStringAsync("/api/people"))!.AsObject();
        var body = new System.Text.Json.Nodes.JsonObject { ["version"] = view["version"]?.DeepClone(), ["changedBy"] = "Uji" };
        foreach (var part in new[] { "people", "reviewers", "approvers", "summaryRecipients" }) body[part] = view[part]!.DeepClone();
        return body.ToJsonString();
    }

    private async Task<Seeded> SeedAsync(string title)
    {
        using var response = await Host.Http.PostAsync("/api/submissions",
            RunningSystem.Form(RunningSystem.Fields(title), ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
        Assert.Equal(202, (int)response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetString()!;
        var tracking = json.RootElement.GetProperty("trackingUrl").GetString()!;
        var mail = await Smtp.WaitForMessageAsync(m => m.IsFor(Reviewer) && m.Subject.Contains(title), TimeSpan.FromSeconds(30));
        return new Seeded(id, tracking, RunningSystem.LinkIn(mail, "act"));
    }

    public Task<HttpResponseMessage> DecideAsync(string link, string decision, string? comment = null) =>
        Host.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = decision, ["comment"] = comment ?? "",
        }));

    /// <summary>Waits until the seeded workflows have written everything they will write while they wait.</summary>
    public async Task WaitUntilStillAsync()
    {
        var last = await CountAsync();
        var still = 0;
        while (still < 8)
        {
            await Task.Delay(250);
            var now = await CountAsync();
            still = now == last ? still + 1 : 0;
            last = now;
        }
    }

    public TableServiceClient Tables => new(Azurite.ConnectionString);
    public BlobContainerClient Media => new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient("media");

    /// <summary>Every row and blob the app and the engine keep, as one comparable figure per table and container.</summary>
    public async Task<StorageCounts> CountAsync()
    {
        var figures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in HumasStorage.AppTables.Append(TaskHub + "Instances").Append(TaskHub + "History"))
            figures[table] = Tables.GetTableClient(table).Query<TableEntity>(select: ["PartitionKey"]).Count();
        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        foreach (var container in HumasStorage.AppContainers)
        {
            var count = 0;
            await foreach (var _ in blobs.GetBlobContainerClient(container).GetBlobsAsync()) count++;
            figures[container + "/"] = count;
        }
        return new StorageCounts(string.Join(", ", figures.Select(f => $"{f.Key} {f.Value}")));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
        Smtp.Dispose();
    }
}

/// <summary>Rows per table and blobs per container, e.g. "Progress 3, Registers 1, media/ 3".</summary>
public sealed record StorageCounts(string Figures);
