using System.Collections.Concurrent;
using System.Diagnostics;
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
/// Two local host processes share one task hub, one Azurite and one mailbox, each with the worker id it derives for
/// itself. Forty submissions move through review and approval by their mailed links; about halfway through the
/// approvals one worker is killed with SIGKILL while it owns partitions. The other finishes every one: each Published
/// once, with one feed entry, one "published" mail and one count, its instance Completed, within a bound printed
/// beside the time it took.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class TwoWorkersTests(ITestOutputHelper output)
{
    private const int Submissions = 40;
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string Submitter = "ani@example.org";

    // Short, so that the takeover is quick; the lease outlasts a few rounds of renewal (one each acquire interval).
    private static readonly TimeSpan LeaseInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LeaseAcquireInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ControlQueueVisibility = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WorkItemVisibility = TimeSpan.FromSeconds(15);

    // What the survivor still has to do after the takeover: the remaining decisions and publications of about half of
    // the forty, on two cores shared with Azurite and the test; the whole recovery took about 16 s on this machine.
    private static readonly TimeSpan RemainingWork = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_of_two_workers_killed_midway_the_other_publishes_every_submission_once()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        using var smtp = new SmtpSink();
        var hub = "workers" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Humas__TaskHub"] = hub,
            ["Humas__Engine__LeaseInterval"] = LeaseInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Humas__Engine__LeaseAcquireInterval"] = LeaseAcquireInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Humas__Engine__ControlQueueVisibilityTimeout"] = ControlQueueVisibility.ToString("c", CultureInfo.InvariantCulture),
            ["Humas__Engine__WorkItemQueueVisibilityTimeout"] = WorkItemVisibility.ToString("c", CultureInfo.InvariantCulture),
        };
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        LocalHostOptions Worker() => new()
        {
            StorageConnectionString = azurite.ConnectionString, SmtpPort = smtp.Port, AdminKey = adminKey, Environment = settings,
        };
        await using var survivor = await LocalHostProcess.StartAsync(Worker());
        await using var victim = await LocalHostProcess.StartAsync(Worker());
        var survivorId = WorkerIdIn(survivor);
        var victimId = WorkerIdIn(victim);
        output.WriteLine($"workers: {survivorId} on {survivor.BaseUrl}, {victimId} on {victim.BaseUrl}");
        Assert.NotEqual(survivorId, victimId);

        var leases = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Partitions");
        // The kill must take partitions away, so both workers must hold some first: the second one gets its share
        // from the first one's leases within a few acquire intervals.
        var shared = await WaitAsync(async () =>
        {
            var owners = await OwnersAsync(leases);
            return owners.Values.Contains(survivorId) && owners.Values.Contains(victimId) ? owners : null;
        }, TimeSpan.FromSeconds(60));
        Assert.True(shared is not null, $"The partitions were never shared: {Describe(await OwnersAsync(leases))}");
        output.WriteLine($"partitions before: {Describe(shared)}");

        var once = new ExactlyOnce(azurite.ConnectionString, smtp);
        var tallyBefore = await once.TallyAsync(ExactlyOnce.ThisYear());
        var prefix = "Dua pekerja " + Guid.NewGuid().ToString("N")[..6];
        var accepted = new ConcurrentDictionary<string, string>();
        var problems = new ConcurrentQueue<string>();
        var killedAt = (long?)null;
        var ownersAtKill = new Dictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var deciding = Task.Run(async () =>
        {
            var seen = 0;
            var approvals = 0;
            var decisions = 0;
            while (!stop.IsCancellationRequested)
            {
                var mails = smtp.Messages;
                for (; seen < mails.Count; seen++)
                {
                    var mail = mails[seen];
                    if (!mail.Subject.Contains(prefix, StringComparison.Ordinal)) continue;
                    var decision = mail.IsFor(Reviewer) && mail.Subject.Contains("Mohon tinjau") ? "accept"
                        : mail.IsFor(Approver) && mail.Subject.Contains("Mohon persetujuan") ? "approve" : null;
                    if (decision is null) continue;
                    // A link names the worker that mailed it; any worker serves it, and after the kill only the survivor can.
                    var target = killedAt is null && decisions++ % 2 == 1 ? victim : survivor;
                    using var response = await target.Http.PostAsync(new Uri(mail.Link("/act/")).PathAndQuery,
                        new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));
                    if (response.StatusCode != HttpStatusCode.OK)
                        problems.Enqueue($"{decision} of '{mail.Subject}' on {target.BaseUrl}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    if (decision == "approve" && ++approvals == Submissions / 2)
                    {
                        ownersAtKill = await OwnersAsync(leases);
                        output.WriteLine($"partitions at the kill: {Describe(ownersAtKill)}");
                        victim.KillHard();
                        killedAt = Stopwatch.GetTimestamp();
                        output.WriteLine($"killed {victimId} (pid {victim.ProcessId}) after {approvals} approvals");
                    }
                }
                await Task.Delay(100);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Submissions).Chunk(4).Select(async chunk =>
        {
            foreach (var n in chunk)
            {
                var title = $"{prefix} #{n:D2}";
                var host = n % 2 == 0 ? survivor : victim;
                using var response = await host.Http.PostAsync("/api/submissions",
                    RunningSystem.Form(RunningSystem.Fields(title), ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                accepted[json.RootElement.GetProperty("id").GetString()!] = title;
            }
        }));

        var tables = new TableServiceClient(azurite.ConnectionString);
        var records = tables.GetTableClient("Submissions");
        var instances = tables.GetTableClient(hub + "Instances");
        var bound = LeaseInterval + LeaseAcquireInterval
            + Max(ControlQueueVisibility, WorkItemVisibility) + RemainingWork;
        // Waits past the bound, so that a slow takeover is reported with its time rather than as lost submissions.
        var finished = await WaitAsync(() => Task.FromResult<bool?>(
            killedAt is not null
            && Count(records, "RowKey eq 'record' and Status eq 'Published'") == Submissions
            && Count(instances, "RuntimeStatus eq 'Completed'") == Submissions
            && PublishedMails(smtp, prefix).Count == Submissions ? true : null), TimeSpan.FromMinutes(6) + bound);
        await stop.CancelAsync();
        await deciding;
        Assert.True(killedAt is not null, $"Never got to {Submissions / 2} approvals; problems: {string.Join("; ", problems)}");
        var afterKill = Stopwatch.GetElapsedTime(killedAt!.Value);
        output.WriteLine($"kill to all {Submissions} published: {afterKill.TotalSeconds:F1} s (bound {bound.TotalSeconds:F0} s = lease {LeaseInterval.TotalSeconds:F0} + acquire {LeaseAcquireInterval.TotalSeconds:F0} + visibility {Max(ControlQueueVisibility, WorkItemVisibility).TotalSeconds:F0} + work {RemainingWork.TotalSeconds:F0})");
        output.WriteLine($"partitions after: {Describe(await OwnersAsync(leases))}");

        Assert.Empty(problems);
        Assert.True(finished is true, $"Not all published {afterKill.TotalSeconds:F0} s after the kill: "
            + $"{Count(records, "RowKey eq 'record' and Status eq 'Published'")} records Published, {Count(instances, "RuntimeStatus eq 'Completed'")} instances Completed, "
            + $"{PublishedMails(smtp, prefix).Count} published mails. Survivor's log:{Environment.NewLine}{survivor.LogTail()}");
        Assert.True(afterKill <= bound, $"All published {afterKill.TotalSeconds:F1} s after the kill, beyond the bound of {bound.TotalSeconds:F0} s");
        Assert.True(victim.HasExited);
        Assert.Contains(victimId, ownersAtKill.Values);
        Assert.Equal(Submissions, accepted.Count);

        // Every instance has Completed (above), and a step delivered again runs before its workflow can go on, so a
        // repeated delivery has already sent its mail; once the sink has kept a mail sent after them, all are counted.
        await smtp.FlushAsync();
        var published = tables.GetTableClient("Published");
        foreach (var (id, title) in accepted)
        {
            Assert.Equal(1, published.Query<TableEntity>(e => e.PartitionKey == "website").Count(e => e.RowKey.EndsWith(id)));
            var markers = records.Query<TableEntity>(e => e.PartitionKey == id).Select(e => e.RowKey).ToList();
            Assert.Single(markers, k => k == "publication-website");
            Assert.Single(smtp.Messages, m => m.IsFor(Submitter) && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        }
        Assert.Equal(Submissions, Count(instances, null));
        await once.AssertCountedOnceAsync(tallyBefore, [.. accepted.Keys]);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The worker id the process announced when its engine started.</summary>
    private static string WorkerIdIn(LocalHostProcess host)
    {
        using var file = new FileStream(host.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var started = System.Text.RegularExpressions.Regex.Match(reader.ReadToEnd(), @"Local durable engine started: task hub \S+, worker (\S+),");
        Assert.True(started.Success, $"No engine start in {host.LogPath}");
        return started.Groups[1].Value;
    }

    /// <summary>Control queue → the worker holding its lease in the engine's partition table now (lapsed leases left out).</summary>
    private static async Task<Dictionary<string, string>> OwnersAsync(TableClient partitions)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in partitions.QueryAsync<TableEntity>())
            {
                if (row.GetString("CurrentOwner") is { Length: > 0 } owner && row.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
                    owners[row.RowKey] = owner;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Not created yet.
        }
        return owners;
    }

    private static string Describe(IReadOnlyDictionary<string, string>? owners) =>
        owners is null || owners.Count == 0 ? "none held" : string.Join(", ", owners.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > until) return default;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static List<IGrouping<string, ReceivedMail>> PublishedMails(SmtpSink smtp, string prefix) =>
        smtp.Messages.Where(m => m.IsFor(Submitter) && m.Subject.Contains(prefix) && m.Subject.Contains("telah terbit"))
            .GroupBy(m => m.Subject).ToList();

    private static int Count(TableClient table, string? filter)
    {
        try
        {
            return table.Query<TableEntity>(filter, select: ["PartitionKey"]).Count();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}
