using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// Shows what the workflow costs on top of the engine under it, in one run on one Azurite (in memory, with its
/// debug log): the full workflow against a bare orchestration of the same shape, the intake against a bare blob
/// upload plus entity insert, storage requests per workflow by owner, and the host's memory under large uploads.
/// Usage: dotnet run -c Release --project tests/Humas.Workflow.Benchmarks [-- submissions concurrency intakePosts uploadMB]
/// </summary>
internal static class WorkflowBenchmark
{
    private const string TaskHub = "BenchHub";
    private const string BareTaskHub = "BareHub";
    private const int IntakeClients = 32;
    private const int Uploads = 4;

    private static async Task Main(string[] args)
    {
        var submissions = Argument(args, 0, 50);
        var concurrency = Argument(args, 1, 8);
        var intakePosts = Argument(args, 2, 320);
        var uploadBytes = Argument(args, 3, 500) * 1024L * 1024;
        var loadAtStart = LoadAverage();

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
        var requests = new StorageRequests(debugLog, TaskHub);
        var photo = Forms.Photo();
        var full = new FullWorkflow(host, mailbox, photo);

        // One submission first: it warms both processes up, and its history gives the shape the bare run repeats.
        var warmId = await full.RunAsync(Mailbox.Title("pemanasan", 0));
        await WaitCompletedAsync(tables, 1);
        var shape = await WorkflowShape.ReadAsync(tables, TaskHub, warmId);
        Console.WriteLine($"one submission's orchestration: {shape}");

        // What the engine asks of storage while nothing happens (queue polling, lease renewal): part of every window.
        var idleFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleTo = DateTimeOffset.UtcNow;

        Console.WriteLine($"full workflow: {submissions} submissions, {concurrency} at a time...");
        var fullRun = await Runs.RunAsync(submissions, concurrency, n => full.RunAsync(Mailbox.Title("alur", n)));
        await WaitCompletedAsync(tables, 1 + submissions);
        var fullWindowEnd = DateTimeOffset.UtcNow;

        Console.WriteLine("bare orchestration, same shape, same engine...");
        RunFigures bareRun;
        await using (var bare = await BareEngine.StartAsync(azurite.ConnectionString, BareTaskHub))
        {
            await bare.RunAsync("pemanasan", shape);
            bareRun = await Runs.RunAsync(submissions, concurrency, n => bare.RunAsync($"polos-{n:D5}", shape));
        }

        Console.WriteLine($"intake: {intakePosts} posts from {IntakeClients} clients, and the bare upload plus insert...");
        var intake = new IntakeLatency(host, azurite.ConnectionString, photo);
        // The bare writes go first: the workflows each intake starts keep the engine busy for a while after.
        await intake.BareAsync("pemanasan", IntakeClients, IntakeClients);
        var bareIntake = await intake.BareAsync("polos", intakePosts, IntakeClients);
        await intake.IntakeAsync("pemanasan", IntakeClients, IntakeClients);
        var intakeRun = await intake.IntakeAsync("asupan", intakePosts, IntakeClients);
        // The bare writes above met an idle engine; taking turns with intake posts, they meet the same background.
        var (turnsIntake, turnsBare) = await intake.TakingTurnsAsync("bergantian", intakePosts, IntakeClients);

        Console.WriteLine($"memory: {Uploads} uploads of {uploadBytes / (1024 * 1024)} MB at once through the intake...");
        var memory = await new UploadMemory(host).MeasureAsync("unggah", Uploads, uploadBytes);

        var idle = requests.Count(idleFrom, idleTo);
        var perWorkflow = requests.Count(fullRun.Started, fullWindowEnd);
        Print(submissions, concurrency, intakePosts, shape, fullRun, bareRun, intakeRun, bareIntake, turnsIntake, turnsBare,
            idle, idleTo - idleFrom, perWorkflow, fullWindowEnd - fullRun.Started, memory, loadAtStart, LoadAverage());
        Console.WriteLine($"Azurite's debug log: {new FileInfo(debugLog).Length / (1024 * 1024):N0} MB, removed now.");
        await azurite.DisposeAsync();
        Directory.Delete(work, recursive: true);
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

    private static void Print(
        int submissions, int concurrency, int intakePosts, WorkflowShape shape, RunFigures full, RunFigures bare,
        RunFigures intake, RunFigures bareIntake, RunFigures turnsIntake, RunFigures turnsBare, StorageRequests.Counts idle, TimeSpan idleSpan,
        StorageRequests.Counts window, TimeSpan windowSpan, MemoryFigures memory, string loadAtStart, string loadAtEnd)
    {
        static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        static string Mb(long kb) => (kb / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
        double PerWorkflow(Owner o) => window.ByOwner[o] / (double)submissions;
        var engine = new[] { Owner.EngineTables, Owner.EngineQueues, Owner.EngineBlobs };

        Console.WriteLine();
        Console.WriteLine($"Humas workflow benchmark, {DateTimeOffset.UtcNow.ToWib():yyyy-MM-dd HH:mm} WIB, {Environment.ProcessorCount} cores, " +
                          $"load average {loadAtStart} at the start, {loadAtEnd} at the end");
        Console.WriteLine($"shape (from one submission's history): {shape.Activities} activities, {shape.Events} external events, {shape.Timers} durable timers");
        Console.WriteLine();
        Console.WriteLine($"{"",-52} {"workflow",12} {"bare",12} {"ratio",7}");
        Row($"time per submission ({submissions}, {concurrency} at a time: wall / n)", full.PerRunMs, bare.PerRunMs);
        Row("one submission, intake to published: median", full.P(0.50), bare.P(0.50));
        Row("one submission, intake to published: p95", full.P(0.95), bare.P(0.95));
        Row($"intake p50 ({intakePosts} posts, {IntakeClients} clients)", intake.P(0.50), bareIntake.P(0.50));
        Row("intake p95", intake.P(0.95), bareIntake.P(0.95));
        Row("intake p99", intake.P(0.99), bareIntake.P(0.99));
        Row($"intake p50, taking turns with {intakePosts} bare writes", turnsIntake.P(0.50), turnsBare.P(0.50));
        Row("intake p95, taking turns", turnsIntake.P(0.95), turnsBare.P(0.95));
        Row("intake p99, taking turns", turnsIntake.P(0.99), turnsBare.P(0.99));
        Console.WriteLine();
        Console.WriteLine($"storage requests per workflow (Azurite's debug log over the {windowSpan.TotalSeconds:N0} s of the full run, / {submissions}):");
        Console.WriteLine($"  app tables   {PerWorkflow(Owner.AppTables),8:N1}");
        Console.WriteLine($"  app blobs    {PerWorkflow(Owner.AppBlobs),8:N1}");
        Console.WriteLine($"  engine       {engine.Sum(PerWorkflow),8:N1}  (tables {PerWorkflow(Owner.EngineTables):N1}, queues {PerWorkflow(Owner.EngineQueues):N1}, blobs {PerWorkflow(Owner.EngineBlobs):N1})");
        Console.WriteLine($"  other        {PerWorkflow(Owner.Other),8:N1}  " +
                          string.Join(", ", window.Others.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value / (double)submissions:N1}")));
        double IdlePerSecond(params Owner[] owners) => owners.Sum(o => idle.ByOwner[o]) / idleSpan.TotalSeconds;
        Console.WriteLine($"  with nothing to do (measured for {idleSpan.TotalSeconds:N0} s before the run), per second: app tables {IdlePerSecond(Owner.AppTables):N1}, " +
                          $"app blobs {IdlePerSecond(Owner.AppBlobs):N1}, engine {IdlePerSecond(engine):N1} (queue polling, lease renewal); " +
                          $"over this window that is {IdlePerSecond([Owner.AppTables, Owner.AppBlobs, .. engine]) * windowSpan.TotalSeconds / submissions:N1} of the requests per workflow");
        Console.WriteLine();
        Console.WriteLine($"local host memory while {memory.Uploads} uploads of {memory.BytesEach / (1024 * 1024):N0} MB streamed at once " +
                          $"({memory.Wall.TotalSeconds:N0} s): baseline {Mb(memory.BaselineKb)} RSS, peak {Mb(memory.PeakKb)} sampled every 50 ms, " +
                          $"{Mb(memory.HighWaterKb)} high-water mark (VmHWM)");
        return;

        static void Row(string what, double workflow, double bare) =>
            Console.WriteLine($"{what,-52} {Ms(workflow),12} {Ms(bare),12} {workflow / bare,7:F2}");
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
