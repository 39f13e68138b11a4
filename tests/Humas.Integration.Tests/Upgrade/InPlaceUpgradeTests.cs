using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Azure.Data.Tables;
using Humas.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Humas.Integration.Tests.Upgrade;

/// <summary>
/// An in-place upgrade as an operator does it: the previous release (HUMAS_UPGRADE_FROM, a git revision) runs
/// through its ./run with work waiting at every stage and one item published; it is stopped with Ctrl-C and the
/// current tree's ./run is started on the same data folder and ports. Every link mailed before the upgrade must
/// still work, and every submission must end Published exactly once.
/// </summary>
[Collection(UpgradeCollection.Name)]
public sealed class InPlaceUpgradeTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const string FromVariable = "HUMAS_UPGRADE_FROM";
    public const string DefaultFrom = "83f1fe2";

    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string TaskHub = "HumasHub";

    // Far enough ahead that the old release is stopped well before it (asserted), near enough that the test does not
    // wait long after the upgrade: the new release's start alone takes about half of it.
    private static readonly TimeSpan ScheduleAhead = TimeSpan.FromSeconds(75);

    // Building the old tree from nothing is most of this; a busy CI machine may take twice as long.
    private static readonly TimeSpan OldStartTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan NewStartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(14);

    private readonly List<(string Phase, TimeSpan Took)> phases = [];
    private readonly SmtpSink smtp = new();
    private readonly RunPorts ports = RunPorts.Pick();
    private readonly string dataDir = Directory.CreateTempSubdirectory("humas-upgrade-data-").FullName;
    private PreviousRelease? release;
    private RunScript? oldRun;
    private RunScript? newRun;
    private UpgradeClient? client;

    // Set when the test is torn down: after the overall timeout the test's body may still be running, and must not
    // start a release that nothing would stop.
    private volatile bool tornDown;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Whatever happened in the test, nothing it started may outlive it: a CI run must never hang on a server.
        tornDown = true;
        try
        {
            if (oldRun is not null) await oldRun.DisposeAsync();
            if (newRun is not null) await newRun.DisposeAsync();
        }
        finally
        {
            client?.Dispose();
            smtp.Dispose();
            release?.Dispose();
            TryDelete(dataDir);
            foreach (var (phase, took) in phases)
            {
                output.WriteLine($"phase {phase}: {took.TotalSeconds:F1} s");
            }
        }
    }

    [Fact]
    public async Task Work_waiting_at_every_stage_before_an_upgrade_is_published_exactly_once_after_it() =>
        await UpgradeAsync().WaitAsync(Overall);

    private async Task UpgradeAsync()
    {
        var total = Stopwatch.StartNew();
        var from = Environment.GetEnvironmentVariable(FromVariable) is { Length: > 0 } set ? set : DefaultFrom;
        release = await Phase("check out the previous release", () => Task.FromResult(PreviousRelease.CheckOut(from)));
        output.WriteLine($"upgrading from {release.Revision} ({release.Commit}) in {release.Path} to {RepoPaths.Root}; data in {dataDir}");

        // Both releases send to this test's SMTP server, so that every mail of the whole story is in one place;
        // ./run lets Humas__* settings win over its own. Deadlines are left at their defaults (days): nothing expires.
        var settings = new Dictionary<string, string>
        {
            ["Humas__Smtp__Host"] = smtp.Host,
            ["Humas__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        };
        ObjectDisposedException.ThrowIf(tornDown, this);
        oldRun = RunScript.Start(release.Path, dataDir, ports, settings, "previous");
        await Phase("start the previous release (build included)", () => oldRun.WaitRunningAsync(OldStartTimeout, CancellationToken.None));
        var adminKey = (await File.ReadAllTextAsync(Path.Combine(dataDir, "admin-key"))).Trim();
        client = new UpgradeClient(ports.BaseUrl, adminKey, smtp);

        var run = Guid.NewGuid().ToString("N")[..6];
        var review = new UpgradeItem("review", $"Menunggu tinjauan {run}", $"upgrade-review-{run}@example.org");
        var approval = new UpgradeItem("approval", $"Menunggu persetujuan {run}", $"upgrade-approval-{run}@example.org");
        var revision = new UpgradeItem("revision", $"Menunggu revisi {run}", $"upgrade-revision-{run}@example.org");
        var scheduled = new UpgradeItem("scheduled", $"Terjadwal {run}", $"upgrade-scheduled-{run}@example.org");
        var published = new UpgradeItem("published", $"Sudah terbit {run}", $"upgrade-published-{run}@example.org");
        UpgradeItem[] items = [review, approval, revision, scheduled, published];

        var links = new Dictionary<string, string>(); // item key and stage -> the link mailed before the upgrade
        await Phase("work at every stage in the previous release", async () =>
        {
            foreach (var item in new[] { review, approval, revision, published })
            {
                (item.Id, item.TrackingUrl) = await client.SubmitAsync(item.Title, item.Submitter);
            }
            foreach (var item in new[] { review, approval, revision, published })
            {
                links[$"{item.Key} review"] = UpgradeClient.LinkIn(await client.MailAsync(Reviewer, item.Title, "Mohon tinjau"), "act");
            }
            await Decided(client.DecideAsync(links["approval review"], "accept"));
            await Decided(client.DecideAsync(links["revision review"], "revise", "Lengkapi narasumber"));
            await Decided(client.DecideAsync(links["published review"], "accept"));
            links["approval approval"] = UpgradeClient.LinkIn(await client.MailAsync(Approver, approval.Title, "Mohon persetujuan"), "act");
            links["revision revise"] = UpgradeClient.LinkIn(await client.MailAsync(revision.Submitter, revision.Title, "Mohon revisi"), "revise");
            links["published approval"] = UpgradeClient.LinkIn(await client.MailAsync(Approver, published.Title, "Mohon persetujuan"), "act");
            await Decided(client.DecideAsync(links["published approval"], "approve"));
            (await client.WaitForStatusAsync(published.Id, "Published")).Dispose();
            await client.MailAsync(published.Submitter, published.Title, "telah terbit");

            // Last, so that its publish time is as near as it can be without falling before the stop.
            scheduled.PublishAt = DateTimeOffset.UtcNow + ScheduleAhead;
            (scheduled.Id, scheduled.TrackingUrl) = await client.SubmitAsync(scheduled.Title, scheduled.Submitter, scheduled.PublishAt);
            links["scheduled review"] = UpgradeClient.LinkIn(await client.MailAsync(Reviewer, scheduled.Title, "Mohon tinjau"), "act");
            await Decided(client.DecideAsync(links["scheduled review"], "accept"));
            links["scheduled approval"] = UpgradeClient.LinkIn(await client.MailAsync(Approver, scheduled.Title, "Mohon persetujuan"), "act");
            await Decided(client.DecideAsync(links["scheduled approval"], "approve"));

            (await client.WaitForStatusAsync(review.Id, "InReview")).Dispose();
            (await client.WaitForStatusAsync(approval.Id, "AwaitingApproval")).Dispose();
            (await client.WaitForStatusAsync(revision.Id, "RevisionRequested")).Dispose();
            (await client.WaitForStatusAsync(scheduled.Id, "Scheduled")).Dispose();
        });

        using (var lastLook = await client.StatusAsync(scheduled.Id))
        {
            Assert.Equal("Scheduled", lastLook.RootElement.GetProperty("status").GetString());
        }
        var mailedBefore = smtp.Messages;
        await Phase("stop the previous release (Ctrl-C)", () => oldRun.StopAsync());
        var stoppedAt = DateTimeOffset.UtcNow;
        Assert.True(stoppedAt < scheduled.PublishAt,
            $"The previous release stopped at {stoppedAt:O}, after the scheduled item's publish time {scheduled.PublishAt:O}: its timer may have fired before the upgrade.");
        var ownLinks = mailedBefore.SelectMany(m => m.Links)
            .Where(l => l.StartsWith(ports.BaseUrl + "/", StringComparison.Ordinal)).Distinct().ToList();
        var handedOut = items.Select(i => new Uri(new Uri(ports.BaseUrl), i.TrackingUrl).ToString()).Except(ownLinks).ToList();
        var kinds = ownLinks.GroupBy(l => new Uri(l).Segments.ElementAtOrDefault(1)?.TrimEnd('/') ?? "").Select(g => $"{g.Count()} /{g.Key}");
        output.WriteLine($"{mailedBefore.Count} mails before the upgrade, {ownLinks.Count} distinct links to the system in them ({string.Join(", ", kinds)}), {handedOut.Count} more tracking links answered at intake");
        output.WriteLine($"the previous release stopped {(scheduled.PublishAt - stoppedAt).TotalSeconds:F0} s before the scheduled item's publish time");

        var built = BuildOutput();
        ObjectDisposedException.ThrowIf(tornDown, this);
        newRun = RunScript.Start(RepoPaths.Root, dataDir, ports, settings, "current");
        await Phase("start the current release (incremental build included)", () => newRun.WaitRunningAsync(NewStartTimeout, CancellationToken.None));
        var rebuilt = built.Where(f => BuildOutput().GetValueOrDefault(f.Key) != f.Value).Select(f => Path.GetFileName(f.Key)).ToList();
        output.WriteLine(rebuilt.Count == 0
            ? "./run's build of the current local host changed nothing in its output (an incremental no-op)"
            : $"./run's build of the current local host rewrote {rebuilt.Count} files: {string.Join(", ", rebuilt.Take(10))}");

        await Phase("follow the links from before the upgrade", async () =>
        {
            // The first answer to every one of them; a browser would follow a redirect, so one counts as working.
            var broken = new List<string>();
            foreach (var link in ownLinks.Concat(handedOut))
            {
                using var response = await client.Http.GetAsync(link);
                if ((int)response.StatusCode >= 400)
                {
                    broken.Add($"{(int)response.StatusCode} {link}");
                }
            }
            Assert.True(broken.Count == 0, $"Links handed out before the upgrade that fail after it:{Environment.NewLine}{string.Join(Environment.NewLine, broken)}");

            await Decided(client.DecideAsync(links["review review"], "accept"));
            await Decided(client.DecideAsync(links["approval approval"], "approve"));
            revision.Title += " (revisi)";
            await Decided(client.Http.PostAsync(links["revision revise"], new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["title"] = revision.Title, ["summary"] = "Narasumber lengkap", ["body"] = "Isi baru", ["comment"] = "Sudah dilengkapi",
            })));
            // A link used before the upgrade stays used after it.
            using var again = await client.DecideAsync(links["published approval"], "approve");
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        });

        await Phase("take every submission to Published", async () =>
        {
            await Decided(client.DecideAsync(UpgradeClient.LinkIn(await client.MailAsync(Approver, review.Title, "Mohon persetujuan"), "act"), "approve"));
            await Decided(client.DecideAsync(UpgradeClient.LinkIn(await client.MailAsync(Reviewer, revision.Title, "Mohon tinjau"), "act"), "accept"));
            await Decided(client.DecideAsync(UpgradeClient.LinkIn(await client.MailAsync(Approver, revision.Title, "Mohon persetujuan"), "act"), "approve"));
            foreach (var item in items)
            {
                var timeout = item == scheduled ? (int)ScheduleAhead.TotalSeconds + 60 : 60;
                (await client.WaitForStatusAsync(item.Id, "Published", timeout)).Dispose();
                Assert.Equal("Completed", await client.WaitForWorkflowEndAsync(item.Id));
            }
        });

        await Phase("check each is published exactly once", async () =>
        {
            // Every instance has completed: no activity is left to send a second mail or add a second entry.
            using var feedJson = JsonDocument.Parse(await client.Http.GetStringAsync("/api/published"));
            var feedIds = feedJson.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
            var atom = XDocument.Parse(await client.Http.GetStringAsync("/feed.atom"));
            XNamespace ns = "http://www.w3.org/2005/Atom";
            var atomTitles = atom.Root!.Elements(ns + "entry").Select(e => e.Element(ns + "title")?.Value).ToList();
            var instances = new TableServiceClient(ports.StorageConnectionString).GetTableClient(TaskHub + "Instances");
            var mails = smtp.Messages;
            foreach (var item in items)
            {
                Assert.True(feedIds.Count(id => id == item.Id) == 1, $"{item.Key}: {feedIds.Count(id => id == item.Id)} entries in /api/published");
                Assert.True(atomTitles.Count(t => t == item.Title) == 1, $"{item.Key}: {atomTitles.Count(t => t == item.Title)} entries titled '{item.Title}' in /feed.atom");
                var told = mails.Where(m => m.IsFor(item.Submitter) && m.Subject.Contains("telah terbit", StringComparison.Ordinal)).ToList();
                Assert.True(told.Count == 1, $"{item.Key}: {told.Count} 'published' mails to {item.Submitter}");
                using var record = await client.StatusAsync(item.Id);
                Assert.Equal("Published", record.RootElement.GetProperty("status").GetString());
                Assert.Equal(item.Title, record.RootElement.GetProperty("content").GetProperty("title").GetString());
                var publishedRows = record.RootElement.GetProperty("history").EnumerateArray()
                    .Count(h => h.GetProperty("status").GetString() == "Published");
                Assert.True(publishedRows == 1, $"{item.Key}: {publishedRows} Published rows in its history");
                var instance = Assert.Single(instances.Query<TableEntity>(e => e.PartitionKey == item.Id));
                Assert.Equal("Completed", instance.GetString("RuntimeStatus"));
                if (item == scheduled)
                {
                    Assert.True(told[0].ReceivedAt > stoppedAt, $"The scheduled item was published at {told[0].ReceivedAt:O}, before the upgrade ({stoppedAt:O}).");
                }
            }
        });

        await Phase("stop the current release (Ctrl-C)", () => newRun.StopAsync());
        output.WriteLine($"whole upgrade test: {total.Elapsed.TotalSeconds:F0} s");
    }

    private async Task<T> Phase<T>(string name, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not PhaseFailedException)
        {
            // A refused connection says little by itself; what the running release printed says why.
            var running = newRun ?? oldRun;
            throw new PhaseFailedException($"{name}: {e.Message}{Environment.NewLine}{running?.Logs()}", e);
        }
        finally
        {
            phases.Add((name, clock.Elapsed));
        }
    }

    private Task Phase(string name, Func<Task> work) => Phase(name, async () =>
    {
        await work();
        return true;
    });

    private async Task Decided(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            var logs = newRun?.Logs() ?? oldRun?.Logs();
            Assert.Fail($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}{Environment.NewLine}{logs}");
        }
    }

    // Each file of the current local host's build output with its last write time, to tell whether ./run rebuilt it.
    private static Dictionary<string, DateTime> BuildOutput()
    {
        var folder = Path.GetDirectoryName(RepoPaths.LocalHostDll)!;
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder.
        }
    }
}
