using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// The in-place upgrade: a task hub made by the previous release with one partition, submissions waiting for review on
/// it, then the new build started on the same storage with its default of four. The waiting submissions, also those
/// whose instances the new count routes to another control queue than the one their messages sat in, are decided and
/// published once each.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PartitionUpgradeTests(SystemFixture fixture, ITestOutputHelper output)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string Submitter = "ani@example.org";

    [Fact]
    public async Task Submissions_waiting_on_a_one_partition_hub_are_published_after_a_restart_with_four()
    {
        var hub = "upgrade" + Guid.NewGuid().ToString("N")[..8];
        var port = FreePorts.Next();
        var dataDir = Directory.CreateTempSubdirectory("humas-upgrade-").FullName;
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var settings = new Dictionary<string, string?>
        {
            ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Humas__TaskHub"] = hub,
            ["Humas__Engine__ControlQueueVisibilityTimeout"] = "00:00:10",
            ["Humas__Engine__WorkItemQueueVisibilityTimeout"] = "00:00:15",
        };
        LocalHostOptions Host(int? partitions) => new()
        {
            StorageConnectionString = fixture.Azurite.ConnectionString, SmtpPort = fixture.Smtp.Port, Port = port, DataDir = dataDir,
            AdminKey = adminKey,
            Environment = new Dictionary<string, string?>(settings)
            {
                ["Humas__Engine__PartitionCount"] = partitions?.ToString(CultureInfo.InvariantCulture),
            },
        };
        var partitionTable = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(hub + "Partitions");
        var prefix = "Naik versi " + Guid.NewGuid().ToString("N")[..6];
        var waiting = new Dictionary<string, string>();
        try
        {
            await using (var previous = await LocalHostProcess.StartAsync(Host(partitions: 1)))
            {
                // Until both kinds wait: one the new count leaves on control-00, one it sends elsewhere.
                for (var n = 0; n < 12 && !(waiting.Keys.Any(id => Partition(id) == 0) && waiting.Keys.Any(id => Partition(id) != 0)); n++)
                {
                    var title = $"{prefix} #{n:D2}";
                    using var response = await previous.Http.PostAsync("/api/submissions", RunningSystem.Form(RunningSystem.Fields(title)));
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    waiting[json.RootElement.GetProperty("id").GetString()!] = title;
                }
                Assert.Contains(waiting.Keys, id => Partition(id) != 0);
                foreach (var title in waiting.Values) await MailAsync(Reviewer, title, "Mohon tinjau");
                Assert.Equal([hub.ToLowerInvariant() + "-control-00"], PartitionRows(partitionTable));
                await previous.StopAsync();
            }

            await using var upgraded = await LocalHostProcess.StartAsync(Host(partitions: null));
            Assert.Equal(Enumerable.Range(0, 4).Select(i => $"{hub.ToLowerInvariant()}-control-{i:D2}"), PartitionRows(partitionTable));
            foreach (var (id, title) in waiting)
            {
                output.WriteLine($"{id}: control-{Partition(id):D2} under four partitions");
                await DecideAsync(upgraded, await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
                await DecideAsync(upgraded, await MailAsync(Approver, title, "Mohon persetujuan"), "approve");
            }

            var tables = new TableServiceClient(fixture.Azurite.ConnectionString);
            foreach (var (id, title) in waiting)
            {
                await MailAsync(Submitter, title, "telah terbit");
                using var status = await StatusAsync(upgraded, id);
                Assert.Equal("Published", status.RootElement.GetProperty("status").GetString());
                Assert.Equal(1, tables.GetTableClient("Published").Query<TableEntity>(e => e.PartitionKey == "website").Count(e => e.RowKey.EndsWith(id)));
                // The workflow ends just after its last mail.
                var instances = tables.GetTableClient(hub + "Instances");
                string? runtimeStatus = null;
                for (var until = DateTime.UtcNow.AddSeconds(30); runtimeStatus != "Completed" && DateTime.UtcNow < until; await Task.Delay(250))
                    runtimeStatus = (await instances.GetEntityAsync<TableEntity>(id, string.Empty)).Value.GetString("RuntimeStatus");
                Assert.Equal("Completed", runtimeStatus);
            }
            // Every workflow has ended: whatever they sent is in once the sink has kept a mail sent after them.
            await fixture.Smtp.FlushAsync();
            foreach (var title in waiting.Values)
                Assert.Single(fixture.Smtp.Messages, m => m.IsFor(Submitter) && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }

    // The engine routes an instance's messages to control queue hash(id) % partitions; its hash helper is internal, and
    // asking it (rather than a copy of the algorithm here) keeps the test right if it ever changes.
    private static readonly Func<string, uint> EngineHash = typeof(DurableTask.Core.TaskMessage).Assembly
        .GetType("DurableTask.Core.Common.Fnv1aHashHelper", throwOnError: true)!
        .GetMethod("ComputeHash", [typeof(string)])!
        .CreateDelegate<Func<string, uint>>();

    private static uint Partition(string instanceId) => EngineHash(instanceId) % 4;

    private static List<string> PartitionRows(TableClient table) =>
        [.. table.Query<TableEntity>(select: ["RowKey"]).Select(e => e.RowKey).Order(StringComparer.Ordinal)];

    private Task<ReceivedMail> MailAsync(string to, string title, string subject) =>
        fixture.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subject), TimeSpan.FromSeconds(90));

    private static async Task DecideAsync(LocalHostProcess host, ReceivedMail mail, string decision)
    {
        using var response = await host.Http.PostAsync(new Uri(mail.Link("/act/")).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision} of '{mail.Subject}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonDocument> StatusAsync(LocalHostProcess host, string id)
    {
        using var response = await host.AdminHttp.GetAsync($"/api/submissions/{id}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
