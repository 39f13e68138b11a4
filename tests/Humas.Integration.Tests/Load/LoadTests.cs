using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Humas.Integration.Tests.Load;

/// <summary>
/// Many submissions at once from many clients, every one decided by following its emailed links, all published:
/// storage holds exactly what was accepted, nothing answers 5xx, and the figures are printed.
/// HUMAS_LOAD_SUBMISSIONS sets the number (1,000 by default), HUMAS_LOAD_CLIENTS the clients (32).
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private int clicksAgain;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    [Fact]
    public async Task A_thousand_submissions_from_32_clients_are_all_published_once_and_counted_exactly()
    {
        var total = Setting("HUMAS_LOAD_SUBMISSIONS", 1000);
        var clients = Setting("HUMAS_LOAD_CLIENTS", 32);
        await using var azurite = await AzuriteProcess.StartAsync();
        using var smtp = new SmtpSink();
        var hub = "load" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = azurite.ConnectionString, SmtpPort = smtp.Port,
            Environment = new Dictionary<string, string?>
            {
                ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Humas__TaskHub"] = hub,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        });
        var prefix = "Beban " + Guid.NewGuid().ToString("N")[..6];
        var problems = new ConcurrentBag<string>();
        var latencies = new ConcurrentBag<double>();
        var accepted = new ConcurrentDictionary<string, string>();
        using var done = new CancellationTokenSource();

        var deciding = DecideAsync(host, smtp, prefix, clients, problems, done.Token);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < total)
            {
                var title = $"{prefix} #{n:D5}";
                using var form = RunningSystem.Form(RunningSystem.Fields(title), ("foto.jpg", "image/jpeg", RunningSystem.Jpeg(8 * 1024)));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await host.Http.PostAsync("/api/submissions", form);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    var body = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500) problems.Add($"intake {(int)response.StatusCode}: {body}");
                    else if ((int)response.StatusCode == 202)
                    {
                        using var json = JsonDocument.Parse(body);
                        accepted[json.RootElement.GetProperty("id").GetString()!] = title;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // An answer that never came is a failure to report with the figures, not a reason to stop the run.
                    problems.Add($"intake of {title}: no answer ({e.GetType().Name}: {e.Message})");
                }
            }
        }));
        var intakeSeconds = clock.Elapsed.TotalSeconds;

        var records = new TableServiceClient(azurite.ConnectionString).GetTableClient("Submissions");
        // Every workflow starts within the intake's first seconds, so they move through the stages together and are
        // published together near the end: the bound is for the whole batch (on two cores and one Azurite, 0.3 to
        // 2.2 workflows/s end to end were seen, depending on what else ran), not a rate the test expects.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120 + total * 3);
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Instances");
        int published;
        // Published is the record's last state; the workflow then still ends and the mail goes out: wait for all three.
        while (((published = Count(records, "RowKey eq 'record' and Status eq 'Published'")) < accepted.Count
                || Count(instances, "RuntimeStatus eq 'Completed'") < accepted.Count
                || PublishedMails(smtp, prefix).Count < accepted.Count)
               && DateTime.UtcNow < deadline)
            // Each count is a scan of the table in Azurite; asking every few seconds keeps it working for the host.
            await Task.Delay(TimeSpan.FromSeconds(total > 200 ? 5 : 1));
        var allSeconds = clock.Elapsed.TotalSeconds;
        await done.CancelAsync();
        await deciding;

        var sorted = latencies.OrderBy(x => x).ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        output.WriteLine($"load: {total:N0} submissions from {clients} clients, local host over Azurite, {Environment.ProcessorCount} cores");
        output.WriteLine($"intake: {accepted.Count:N0} accepted in {intakeSeconds:F1} s = {accepted.Count / intakeSeconds:F1} submissions/s");
        output.WriteLine($"intake latency: p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms, max {sorted[^1]:F0} ms");
        output.WriteLine($"published: {published:N0} in {allSeconds:F1} s from the first request = {published / allSeconds:F1} workflows/s end to end");
        output.WriteLine($"decision links followed again after no answer within {host.Http.Timeout.TotalSeconds:F0} s: {clicksAgain}");
        output.WriteLine($"problems: {problems.Count}{string.Concat(problems.Take(5).Select(p => Environment.NewLine + "  " + p))}");

        Assert.Empty(problems);
        Assert.Equal(total, accepted.Count);
        Assert.Equal(accepted.Count, published);
        Assert.Equal(accepted.Count, Count(records, "RowKey eq 'record'"));
        Assert.Equal(accepted.Count, Count(records, "RowKey eq 'publication-website'"));
        var tables = new TableServiceClient(azurite.ConnectionString);
        Assert.Equal(accepted.Count, Count(tables.GetTableClient("Published"), "PartitionKey eq 'website'"));
        Assert.Equal(accepted.Count, Count(tables.GetTableClient(hub + "Instances"), "RuntimeStatus eq 'Completed'"));
        Assert.Equal(accepted.Count, Count(tables.GetTableClient(hub + "Instances"), null));
        var blobs = 0;
        await foreach (var _ in new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("media").GetBlobsAsync()) blobs++;
        Assert.Equal(accepted.Count, blobs);
        var publishedMails = PublishedMails(smtp, prefix);
        Assert.Equal(accepted.Count, publishedMails.Count);
        Assert.All(publishedMails, g => Assert.Single(g));
    }

    /// <summary>Follows each decision link as its email arrives: the reviewer accepts, the approver approves.</summary>
    private async Task DecideAsync(LocalHostProcess host, SmtpSink smtp, string prefix, int clients, ConcurrentBag<string> problems, CancellationToken stop)
    {
        var seen = 0;
        using var gate = new SemaphoreSlim(clients);
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            var mails = smtp.Messages;
            for (; seen < mails.Count; seen++)
            {
                var mail = mails[seen];
                if (!mail.Subject.Contains(prefix)) continue;
                var decision = mail.IsFor(Reviewer) && mail.Subject.Contains("Mohon tinjau") ? "accept"
                    : mail.IsFor(Approver) && mail.Subject.Contains("Mohon persetujuan") ? "approve" : null;
                if (decision is null) continue;
                var link = mail.Link("/act/");
                await gate.WaitAsync(CancellationToken.None);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await DecideByLinkAsync(host, link, decision, mail.Subject, problems);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>
    /// Posts the decision as a person would: one whose click got no answer clicks again (up to three times). The link
    /// decides once however often it is followed, so a repeated click that finds its first one arrived answers 409.
    /// </summary>
    private async Task DecideByLinkAsync(LocalHostProcess host, string link, string decision, string subject, ConcurrentBag<string> problems)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await host.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));
                var firstClickArrived = attempt > 1 && (int)response.StatusCode == 409;
                if ((int)response.StatusCode != 200 && !firstClickArrived) problems.Add($"{decision} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 3)
            {
                Interlocked.Increment(ref clicksAgain);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                problems.Add($"{decision} of {subject}: no answer after {attempt} clicks ({e.GetType().Name}: {e.Message})");
                return;
            }
        }
    }

    private static List<IGrouping<string, ReceivedMail>> PublishedMails(SmtpSink smtp, string prefix) =>
        smtp.Messages.Where(m => m.IsFor("ani@example.org") && m.Subject.Contains(prefix) && m.Subject.Contains("telah terbit"))
            .GroupBy(m => m.Subject).ToList();

    private static int Count(TableClient table, string? filter) => table.Query<TableEntity>(filter, select: ["PartitionKey"]).Count();
}

/// <summary>
/// The load test runs after the other integration tests and alone: on two cores, beside them, the host's engine
/// shares the processor with a dozen other hosts and the test could not tell a slow machine from a lost submission.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}
