using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// Shows what the workflow costs on top of the engine under it, in one run on one Azurite (in memory, with its
/// debug log): the full workflow against a bare orchestration of the same shape, the intake against a bare blob
/// upload plus entity insert, storage requests per state change by kind, and the host's memory under large uploads.
/// Every measurement but the memory one is made twice the same way, and the report says how far each figure moved.
/// Usage: dotnet run -c Release --project tests/Humas.Workflow.Benchmarks [-- submissions concurrency intakePosts uploadMB]
/// </summary>
internal static class WorkflowBenchmark
{
    private const string TaskHub = "BenchHub";
    private const string BareTaskHub = "BareHub";
    private const int IntakeClients = 32;
    private const int Uploads = 4;
    private const int Rounds = 2;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    private static async Task Main(string[] args)
    {
        var submissions = Argument(args, 0, 50);
        var concurrency = Argument(args, 1, 8);
        var intakePosts = Argument(args, 2, 320);
        var uploadBytes = Argument(args, 3, 500) * 1024L * 1024;
        var loadAtStart = LoadAverage();
        var clock = Stopwatch.StartNew();

        var work = Directory.CreateTempSubdirectory("humas-workflow-bench-").FullName;
        var debugLog = Path.Combine(work, "azurite-debug.log");
        await using var azurite = await AzuriteProcess.StartAsync(location: null, debugLog);
        using var smtp = new SmtpSink();
        using var mailbox = new Mailbox(smtp);
        await using var host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = azurite.ConnectionString,
            SmtpPort = smtp.Port,
            Environment = new Dictionary<string, string?>
            {
                ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Humas__TaskHub"] = TaskHub,
                ["Logging__LogLevel__Default"] = "Warning",
                // The default is 100 MB per file; the memory phase posts larger videos through the intake.
                ["Humas__Intake__MaxFileBytes"] = (uploadBytes + 64L * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            },
        });
        Console.WriteLine($"Azurite in memory (pid {azurite.ProcessId}, debug log {debugLog}); local host {RepoPaths.LocalHostDll} (pid {host.ProcessId})");
        var tables = new TableServiceClient(azurite.ConnectionString,
            new TableClientOptions { Diagnostics = { ApplicationId = StorageRequests.OwnUserAgent } });
        var requests = new StorageRequests(debugLog, TaskHub, tables);
        await requests.CreateAsync();
        var photo = Forms.Photo();
        var full = new FullWorkflow(host, mailbox, photo);
        var started = 0;

        // One submission first: it warms both processes up, and its history gives the shape the bare run repeats.
        var warmId = await full.RunAsync(Mailbox.Title("pemanasan", 0));
        started++;
        await WaitCompletedAsync(tables, 1);
        var shape = await WorkflowShape.ReadAsync(tables, TaskHub, warmId);
        Console.WriteLine($"one submission's orchestration: {shape}");

        // What the engine asks of storage while nothing happens (queue polling, lease renewal).
        await requests.MarkAsync("idle-start");
        await Task.Delay(TimeSpan.FromSeconds(10));
        await requests.MarkAsync("idle-end");

        var fullRuns = new List<FullRun>();
        for (var round = 1; round <= Rounds; round++)
        {
            Console.WriteLine($"{clock.Elapsed:mm\\:ss} full workflow, run {round}: {submissions} submissions, {concurrency} at a time...");
            var ids = new ConcurrentBag<string>();
            await requests.MarkAsync($"full-{round}-start");
            var run = round;
            var figures = await Runs.RunAsync(submissions, concurrency, async n => ids.Add(await full.RunAsync(Mailbox.Title($"alur{run}", n))));
            started += submissions;
            await WaitCompletedAsync(tables, started);
            await requests.MarkAsync($"full-{round}-end");
            fullRuns.Add(new FullRun(figures, [.. ids]));
        }
        Console.WriteLine($"{clock.Elapsed:mm\\:ss} counting their storage requests in Azurite's debug log...");
        var idle = requests.Count("idle-start", "idle-end", []);
        for (var round = 1; round <= Rounds; round++)
        {
            var run = fullRuns[round - 1];
            fullRuns[round - 1] = run with
            {
                Requests = requests.Count($"full-{round}-start", $"full-{round}-end", run.Ids),
                StateChanges = await requests.StateChangesAsync(run.Ids),
            };
        }

        Console.WriteLine($"{clock.Elapsed:mm\\:ss} bare orchestration, same shape, same engine...");
        var bareRuns = new List<RunFigures>();
        await using (var bare = await BareEngine.StartAsync(azurite.ConnectionString, BareTaskHub))
        {
            await bare.RunAsync("pemanasan", shape);
            for (var round = 1; round <= Rounds; round++)
            {
                var run = round;
                bareRuns.Add(await Runs.RunAsync(submissions, concurrency, n => bare.RunAsync($"polos{run}-{n:D5}", shape)));
            }
        }
        // The second runs of both, read from their histories, step by step.
        var stepTimes = (Workflow: await StepTimes.ReadAsync(tables, TaskHub, fullRuns[^1].Ids),
            Bare: await StepTimes.ReadAsync(tables, BareTaskHub, Enumerable.Range(0, submissions).Select(n => $"polos{Rounds}-{n:D5}").ToList()));

        var intakeRuns = new List<IntakeRun>();
        var intake = new IntakeLatency(host, azurite.ConnectionString, photo);
        for (var round = 1; round <= Rounds; round++)
        {
            if (round > 1) await DrainAsync(mailbox, started);
            Console.WriteLine($"{clock.Elapsed:mm\\:ss} intake, run {round}: {intakePosts} posts from {IntakeClients} clients, and the bare upload plus insert...");
            // The bare writes go first: the workflows each intake starts keep the engine busy for a while after.
            await intake.BareAsync($"pemanasan{round}", IntakeClients, IntakeClients);
            var bareIntake = await intake.BareAsync($"polos{round}", intakePosts, IntakeClients);
            await intake.IntakeAsync($"pemanasan{round}", IntakeClients, IntakeClients);
            var alone = await intake.IntakeAsync($"asupan{round}", intakePosts, IntakeClients);
            // The bare writes above met an idle engine; taking turns with intake posts, they meet the same background.
            var (turnsIntake, turnsBare) = await intake.TakingTurnsAsync($"bergantian{round}", intakePosts, IntakeClients);
            started += IntakeClients + 2 * intakePosts;
            intakeRuns.Add(new IntakeRun(alone, bareIntake, turnsIntake, turnsBare));
        }

        Console.WriteLine($"{clock.Elapsed:mm\\:ss} memory: {Uploads} uploads of {uploadBytes / (1024 * 1024)} MB at once through the intake...");
        var memory = await new UploadMemory(host).MeasureAsync("unggah", Uploads, uploadBytes);

        new Report(submissions, concurrency, intakePosts, IntakeClients, shape, fullRuns, bareRuns, intakeRuns, idle, memory,
            loadAtStart, LoadAverage(), clock.Elapsed).Print();
        StepTimes.Print(stepTimes.Workflow, stepTimes.Bare, submissions);
        await azurite.DisposeAsync();
        // HUMAS_BENCH_KEEP_LOG=1 keeps the log, to look at the requests behind a figure.
        var keep = Environment.GetEnvironmentVariable("HUMAS_BENCH_KEEP_LOG") == "1";
        Console.WriteLine($"Azurite's debug log: {new FileInfo(debugLog).Length / (1024 * 1024):N0} MB, {(keep ? $"kept in {debugLog}" : "removed now")}.");
        if (!keep) Directory.Delete(work, recursive: true);
    }

    /// <summary>Waits until that many orchestrations of the task hub have completed (the last episode follows the last mail).</summary>
    private static async Task WaitCompletedAsync(TableServiceClient tables, int count)
    {
        var instances = tables.GetTableClient(TaskHub + "Instances");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (instances.Query<TableEntity>("RuntimeStatus eq 'Completed'", select: ["PartitionKey"]).Count() < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} orchestrations completed within 3 minutes.");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Waits until every workflow started so far has asked for its review (and so waits, on timers), so that a second
    /// run meets the same quiet engine the first one did rather than the first one's workflows still starting.
    /// </summary>
    private static async Task DrainAsync(Mailbox mailbox, int started)
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        var wait = Stopwatch.StartNew();
        while (mailbox.ReviewRequests < started)
        {
            if (DateTime.UtcNow > deadline)
            {
                Console.WriteLine($"  {started - mailbox.ReviewRequests} of {started} workflows had not asked for their review after {DrainTimeout.TotalMinutes:N0} minutes; going on.");
                return;
            }
            await Task.Delay(250);
        }
        Console.WriteLine($"  waited {wait.Elapsed.TotalSeconds:N0} s until all {started} workflows started so far waited for their review");
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
