using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using ClosedXML.Excel;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using MimeKit;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>A system of its own, so that this year's counters hold only what these tests publish and register.</summary>
[CollectionDefinition(Name)]
public sealed class SummaryCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "summary";
}

/// <summary>Targets, registers and the weekly summary over HTTP against the local host, read back from the mailbox and Blob Storage.</summary>
[Collection(SummaryCollection.Name)]
public sealed class SummaryTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private static readonly string[] Leadership =
        ["kepala@bbpmp-jateng.example", "kabag.umum@bbpmp-jateng.example", "ketua.pdm07@bbpmp-jateng.example", "humas@bbpmp-jateng.example"];
    private static readonly int Year = DateTimeOffset.UtcNow.ToWib().Year;
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Profile"] = ProfileForThisYear(),
        ["Humas__Summary__RunOnSchedule"] = "false",
        // A decision left waiting for more than a second counts as overdue in the summary.
        ["Humas__Workflow__ReminderAfter"] = "00:00:01",
    });

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task The_summary_run_now_emails_the_figures_with_a_chart_and_stores_a_workbook_that_opens()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Task.WhenAll(
            PublishAsync($"Webinar Kurikulum {tag}", "webinar", "3301", "tim-kerja-2", priority: true),
            PublishAsync($"Podcast Guru {tag}", "podcast", "3374", "digital-creative", priority: false));
        var waitingTitle = $"Berita Menunggu {tag}";
        await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(waitingTitle)));
        await system.MailAsync(Reviewer, waitingTitle, "Mohon tinjau");

        var community = new { name = "Kombel Guru SD Cilacap", region = "3301", team = "tim-kerja-1", engagedOn = Today() };
        Assert.Equal(HttpStatusCode.Created, (await system.Host.AdminHttp.PostAsJsonAsync("/api/communities", community)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Host.AdminHttp.PostAsJsonAsync("/api/communities", community)).StatusCode);
        var medium = await system.Host.AdminHttp.PostAsJsonAsync("/api/partner-media", new { name = "Suara Merdeka", scope = "local", region = "3374" });
        Assert.Equal(HttpStatusCode.Created, medium.StatusCode);
        var mediumId = (await medium.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var item = new { title = "Webinar kurikulum diliput", url = $"https://suaramerdeka.example/{tag}", publishedOn = Today() };
        Assert.Equal(HttpStatusCode.Created, (await system.Host.AdminHttp.PostAsJsonAsync($"/api/partner-media/{mediumId}/items", item)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Host.AdminHttp.PostAsJsonAsync($"/api/partner-media/{mediumId}/items", item)).StatusCode);
        await Task.Delay(1500); // past the one-second reminder point

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.PostAsync("/api/summaries/run", null)).StatusCode);
        var run = await system.Host.AdminHttp.PostAsync("/api/summaries/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var answer = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Leadership.Order(), answer.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).Order());

        var mails = await fixture.Smtp.WaitForMessagesAsync(m => m.Subject.Contains("Ringkasan capaian target"), Leadership.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(Leadership.Order(), mails.SelectMany(m => m.To).Order());
        var mail = mails.First(m => m.IsFor("kepala@bbpmp-jateng.example"));
        var text = mail.TextBody!;
        Assert.Contains("Konten program prioritas terunggah: 1 dari 48", text);
        Assert.Contains("Webinar: 1 dari 5", text);
        Assert.Contains("Podcast: 1 dari 2", text);
        Assert.Contains("Komunitas yang dilibatkan: 1 dari 2", text);
        Assert.Contains("Konten terbit / Published items: 2", text);
        Assert.Contains("Media mitra (lokal/nasional) / Partner media items (local/national): 1/0", text);
        Assert.Contains("Cakupan wilayah / Region coverage: 2 dari 35", text);
        Assert.Contains("Keputusan tertunda melewati batas / Overdue pending decisions: 1", text);
        Assert.Contains(waitingTitle, text);
        Assert.Contains($"{system.Host.BaseUrl}/dashboard", text);

        // The chart is an inline PNG the HTML refers to by its content id.
        Assert.Contains("src=\"cid:capaian-target\"", mail.HtmlBody);
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Raw)));
        var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "capaian-target");
        Assert.Equal("image/png", image.ContentType.MimeType);
        using var png = new MemoryStream();
        await image.Content!.DecodeToAsync(png);
        var bytes = png.ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(760, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)) >= 260);
        Assert.True(bytes.Length > 5_000, $"a chart of {bytes.Length} bytes has nothing drawn on it");

        // The snapshot's workbook, read with a spreadsheet library from Blob Storage.
        var snapshot = answer.GetProperty("snapshot");
        var container = new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient("snapshots");
        var xlsx = await container.GetBlobClient(snapshot.GetProperty("xlsx").GetString()).DownloadContentAsync();
        using var book = new XLWorkbook(xlsx.Value.Content.ToStream());
        var targets = book.Worksheet("Target");
        var rows = targets.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(5, rows.Count);
        Assert.Equal((48, 1), (rows["pdm07-priority-content"].Cell(5).GetValue<int>(), rows["pdm07-priority-content"].Cell(6).GetValue<int>()));
        Assert.Equal(1, rows["pdm07-webinar"].Cell(6).GetValue<int>());
        Assert.Equal(1, rows["pdm07-community"].Cell(6).GetValue<int>());
        Assert.Equal(1, rows["local-partner-media"].Cell(6).GetValue<int>());
        var expected = rows["pdm07-priority-content"].Cell(7).GetValue<int>();
        Assert.Equal(expected > 1 ? "tertinggal / behind" : "sesuai laju / on pace", rows["pdm07-priority-content"].Cell(8).GetString());
        var regions = book.Worksheet("Wilayah").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(3).GetValue<int>());
        Assert.Equal(35, regions.Count);
        Assert.Equal((1, 1, 0), (regions["3301"], regions["3374"], regions["3376"]));
        var pending = book.Worksheet("Tertunda").RowsUsed().Skip(1).ToList();
        Assert.Equal(waitingTitle, Assert.Single(pending).Cell(2).GetString());
        var html = (await container.GetBlobClient(snapshot.GetProperty("html").GetString()).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("data:image/png;base64,", html);
        var json = JsonDocument.Parse((await container.GetBlobClient(snapshot.GetProperty("json").GetString()).DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("report").GetProperty("publishedItems").GetInt32());

        // The same figures, without a key, as JSON and on the dashboard.
        var progress = await system.Host.Http.GetFromJsonAsync<JsonElement>($"/api/targets/{Year}");
        Assert.Equal(2, progress.GetProperty("coverage").GetProperty("covered").GetInt32());
        Assert.Equal(1, progress.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "pdm07-podcast").GetProperty("actual").GetInt32());
        var dashboard = await system.Host.Http.GetStringAsync("/dashboard");
        Assert.Contains("id=\"coverage\">2/35<", dashboard);
        Assert.Contains("data-target=\"pdm07-webinar\"", dashboard);
        Assert.Contains("<tr class=\"covered\" data-region=\"3301\">", dashboard);
        Assert.Contains("<tr class=\"uncovered\" data-region=\"3376\">", dashboard);
    }

    [Fact]
    public async Task Bad_register_entries_get_a_problem_naming_each_field_and_leave_nothing_behind()
    {
        var before = await CountAsync("/api/communities");
        var bad = await system.Host.AdminHttp.PostAsJsonAsync("/api/communities", new { name = "", region = "9999", engagedOn = "2020-13-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["engagedOn", "name", "region"], errors.EnumerateObject().Select(e => e.Name).Order());
        var future = await system.Host.AdminHttp.PostAsJsonAsync("/api/communities",
            new { name = "Kombel Masa Depan", region = "3301", engagedOn = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(before, await CountAsync("/api/communities"));

        var medium = await system.Host.AdminHttp.PostAsJsonAsync("/api/partner-media", new { name = "Radio Kita", scope = "regional" });
        Assert.Equal(HttpStatusCode.BadRequest, medium.StatusCode);
        Assert.True((await medium.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scope", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await system.Host.AdminHttp.PostAsJsonAsync("/api/partner-media/tidak-ada/items",
            new { title = "x", url = "https://x.example", publishedOn = Today() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.PostAsJsonAsync("/api/communities", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await system.Host.Http.GetAsync("/api/targets/tahun-ini")).StatusCode);
    }

    private async Task<int> CountAsync(string route) =>
        (await system.Host.AdminHttp.GetFromJsonAsync<JsonElement>(route)).GetProperty("items").GetArrayLength();

    private async Task PublishAsync(string title, string type, string region, string team, bool priority)
    {
        var fields = RunningSystem.Fields(title);
        fields["contentType"] = type;
        fields["region"] = region;
        fields["team"] = team;
        fields["priorityProgram"] = priority ? "true" : "false";
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(fields));
        // The deciders tick what the content type's checklist asks, as they would on the page.
        var ticked = RunningSystem.Checklist(type);
        var review = await system.MailAsync(Reviewer, title, "Mohon tinjau");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "accept", ticked: ticked)).StatusCode);
        var approval = await system.MailAsync(Approver, title, "Mohon persetujuan");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve", ticked: ticked)).StatusCode);
        await system.WaitForStatusAsync(id, "Published");
    }

    private static string Today() => DateTimeOffset.UtcNow.ToWib().ToString("yyyy-MM-dd");

    /// <summary>The built-in profile with its targets for this year, and a partner-media target added by configuration.</summary>
    private static string ProfileForThisYear()
    {
        var unit = UnitProfileLoader.Load("bbpmp-jateng");
        var pdm07 = unit.Targets.First(s => s.Programme == "PDM-07") with { Year = Year };
        var media = new TargetSet(Year, "Kemitraan", [new TargetItem("local-partner-media", "Konten di media mitra lokal", "Local partner media items", 12,
            new TargetCounts(Source: "partner-media", Scope: "local"))]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "bbpmp-jateng.json");
        File.WriteAllText(path, JsonSerializer.Serialize(unit with { Targets = [pdm07, media] },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } }));
        return path;
    }
}
