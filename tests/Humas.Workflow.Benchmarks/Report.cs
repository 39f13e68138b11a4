using System.Globalization;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// The benchmark's figures as tables ready to paste into docs/benchmarks.md: the first run in the docs' shape with the
/// second run beside it and how far each figure moved, then the storage requests per state change by kind.
/// </summary>
public sealed class Report(
    int submissions, int concurrency, int intakePosts, int intakeClients, WorkflowShape shape, IReadOnlyList<FullRun> full,
    IReadOnlyList<RunFigures> bare, IReadOnlyList<IntakeRun> intake, StorageRequests.Tally idle, MemoryFigures memory,
    string loadAtStart, string loadAtEnd, TimeSpan took)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Humas workflow benchmark, {DateTimeOffset.UtcNow.ToWib():yyyy-MM-dd HH:mm} WIB, {Environment.ProcessorCount} cores, " +
                          $"load average {loadAtStart} at the start, {loadAtEnd} at the end; {took.TotalMinutes:N1} minutes in all");
        Console.WriteLine($"shape (from one submission's history): {shape.Activities} activities, {shape.Events} external events, {shape.Timers} durable timers");
        Console.WriteLine();
        PrintTimes();
        Console.WriteLine();
        PrintRequests();
        Console.WriteLine();
        Console.WriteLine($"local host memory while {memory.Uploads} uploads of {memory.BytesEach / (1024 * 1024):N0} MB streamed at once " +
                          $"({memory.Wall.TotalSeconds:N0} s): baseline {Mb(memory.BaselineKb)} RSS, peak {Mb(memory.PeakKb)} sampled every 50 ms, " +
                          $"{Mb(memory.HighWaterKb)} high-water mark (VmHWM)");
    }

    private void PrintTimes()
    {
        var rows = new (string What, Func<int, (double Workflow, double Bare)> Of)[]
        {
            ($"time per submission ({submissions} submissions, {concurrency} at a time: wall / {submissions})", r => (full[r].Figures.PerRunMs, bare[r].PerRunMs)),
            ("one submission, intake to published: median", r => (full[r].Figures.P(0.50), bare[r].P(0.50))),
            ("one submission, intake to published: p95", r => (full[r].Figures.P(0.95), bare[r].P(0.95))),
            ($"intake p50 ({intakePosts} posts, {intakeClients} clients)", r => (intake[r].Alone.P(0.50), intake[r].BareAlone.P(0.50))),
            ("intake p95", r => (intake[r].Alone.P(0.95), intake[r].BareAlone.P(0.95))),
            ("intake p99", r => (intake[r].Alone.P(0.99), intake[r].BareAlone.P(0.99))),
            ($"intake p50, taking turns with {intakePosts} bare writes", r => (intake[r].Turns.P(0.50), intake[r].BareTurns.P(0.50))),
            ("intake p95, taking turns", r => (intake[r].Turns.P(0.95), intake[r].BareTurns.P(0.95))),
            ("intake p99, taking turns", r => (intake[r].Turns.P(0.99), intake[r].BareTurns.P(0.99))),
        };
        Console.WriteLine("| | workflow | bare | ratio | second run: workflow | bare | ratio | moved: workflow | bare | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (what, of) in rows)
        {
            var (w1, b1) = of(0);
            var (w2, b2) = of(full.Count - 1);
            Console.WriteLine($"| {what} | {Ms(w1)} | {Ms(b1)} | {w1 / b1:F2} | {Ms(w2)} | {Ms(b2)} | {w2 / b2:F2} | " +
                              $"{Moved(w1, w2, "N0")} | {Moved(b1, b2, "N0")} | {Moved(w1 / b1, w2 / b2, "F2")} |");
        }
    }

    private void PrintRequests()
    {
        var tallies = full.Select(f => f.Requests!).ToList();
        var changes = full.Select(f => (double)f.StateChanges).ToList();
        Console.WriteLine($"| storage requests per state change | run 1 | run 2 | moved |");
        Console.WriteLine("|---|---:|---:|---:|");
        Line($"state changes: history rows of the {submissions} submissions (per submission)", full.Select(f => (double)f.StateChanges).ToList(), "N0",
            $" ({changes[0] / submissions:N1})", $" ({changes[^1] / submissions:N1})");
        Line("**app tables**", tallies.Select((t, i) => t.Total(Owner.AppTables) / changes[i]).ToList());
        var kinds = tallies.SelectMany(t => t.AppKinds.Keys).Distinct()
            .OrderBy(RowKinds.OrderOf).ThenByDescending(k => tallies.Sum(t => t.AppKinds.GetValueOrDefault(k))).ToList();
        foreach (var kind in kinds)
            Line($"&nbsp;&nbsp;{kind}", tallies.Select((t, i) => t.AppKinds.GetValueOrDefault(kind) / changes[i]).ToList());
        var shared = tallies.SelectMany(t => t.SharedApp.Keys).Distinct()
            .OrderByDescending(k => tallies.Sum(t => t.SharedApp.GetValueOrDefault(k))).ToList();
        Line("&nbsp;&nbsp;rows no submission is named in (settings, the year's count row, probes), in the window",
            tallies.Select((t, i) => t.Unkeyed[Owner.AppTables] / changes[i]).ToList());
        foreach (var row in shared)
            Line($"&nbsp;&nbsp;&nbsp;&nbsp;{row}", tallies.Select((t, i) => t.SharedApp.GetValueOrDefault(row) / changes[i]).ToList());
        Line("app blobs", tallies.Select((t, i) => t.Total(Owner.AppBlobs) / changes[i]).ToList());
        Line("**engine**", tallies.Select((t, i) => t.Engine / changes[i]).ToList());
        Line("&nbsp;&nbsp;tables, rows of these instances", tallies.Select((t, i) => t.Keyed[Owner.EngineTables] / changes[i]).ToList());
        Line("&nbsp;&nbsp;tables, other rows (leases, instance queries), in the window", tallies.Select((t, i) => t.Unkeyed[Owner.EngineTables] / changes[i]).ToList());
        Line("&nbsp;&nbsp;queues, in the window", tallies.Select((t, i) => t.Total(Owner.EngineQueues) / changes[i]).ToList());
        Line("&nbsp;&nbsp;blobs", tallies.Select((t, i) => t.Total(Owner.EngineBlobs) / changes[i]).ToList());
        Console.WriteLine();
        Console.WriteLine($"| storage requests per workflow | run 1 | run 2 | moved |");
        Console.WriteLine("|---|---:|---:|---:|");
        Line("app tables", tallies.Select(t => t.Total(Owner.AppTables) / (double)submissions).ToList());
        Line("app blobs", tallies.Select(t => t.Total(Owner.AppBlobs) / (double)submissions).ToList());
        Line("engine: tables / queues / blobs", tallies.Select(t => t.Engine / (double)submissions).ToList(), "N1",
            $" ({Per(tallies[0], Owner.EngineTables)} / {Per(tallies[0], Owner.EngineQueues)} / {Per(tallies[0], Owner.EngineBlobs)})",
            $" ({Per(tallies[^1], Owner.EngineTables)} / {Per(tallies[^1], Owner.EngineQueues)} / {Per(tallies[^1], Owner.EngineBlobs)})");
        Line("the window between the marks, seconds", tallies.Select(t => t.Span.TotalSeconds).ToList(), "N0");
        Line("idle engine polling over that window (engine requests per second with nothing to do × window / n)",
            tallies.Select(t => IdleEnginePerSecond * t.Span.TotalSeconds / submissions).ToList());
        Console.WriteLine();
        for (var i = 0; i < tallies.Count; i++)
        {
            var t = tallies[i];
            // The engine gives one client request id to all the requests of a work item, so only the app's repeats are told.
            Console.WriteLine($"run {i + 1}: app requests the storage SDK sent again (same client request id, method and URL): " +
                              $"tables {t.Repeated[Owner.AppTables]}, blobs {t.Repeated[Owner.AppBlobs]}" +
                              $"; app-table answers by status: {string.Join(", ", t.AppStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}"))}" +
                              $"; history rows written as the log shows them: {t.HistoryRowsWritten} (stored: {full[i].StateChanges})" +
                              $"; requests of these submissions outside the window: {t.KeyedBeforeWindow} before, {t.KeyedAfterWindow} after" +
                              $"; Azurite's log stamped requests up to {t.LoggedLate.TotalSeconds:N0} s after their client sent them" +
                              (t.Others.Count > 0 ? "; not the app's or the engine's: " + string.Join(", ", t.Others.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")) : ""));
        }
        for (var i = 0; i < tallies.Count; i++)
            if (tallies[i].HistoryRowsWritten < full[i].StateChanges)
                Console.WriteLine($"WARNING run {i + 1}: the log shows {tallies[i].HistoryRowsWritten} history rows written where storage holds " +
                                  $"{full[i].StateChanges}: the log was not read whole, and the counts above are too low.");
        Console.WriteLine($"with nothing to do ({idle.Span.TotalSeconds:N0} s before the runs), requests per second: engine {IdleEnginePerSecond:N1}, " +
                          $"app tables {idle.Unkeyed[Owner.AppTables] / idle.Span.TotalSeconds:N1}" +
                          (idle.SharedApp.Count > 0 ? " (" + string.Join(", ", idle.SharedApp.Select(s => $"{s.Key} {s.Value}")) + ")" : ""));
        return;

        string Per(StorageRequests.Tally t, Owner o) => (t.Total(o) / (double)submissions).ToString("N1", Invariant);
    }

    private double IdleEnginePerSecond => idle.Engine / idle.Span.TotalSeconds;

    private static void Line(string what, IReadOnlyList<double> values, string format = "N2", string firstNote = "", string secondNote = "") =>
        Console.WriteLine($"| {what} | {values[0].ToString(format, Invariant)}{firstNote} | {values[^1].ToString(format, Invariant)}{secondNote} | {Moved(values[0], values[^1], format)} |");

    /// <summary>The second run against the first: the difference and what it is of the first.</summary>
    private static string Moved(double first, double second, string format)
    {
        var difference = second - first;
        var sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
        var percent = first == 0 ? "" : $" ({sign}{Math.Abs(difference / first) * 100:N0} %)";
        return $"{sign}{Math.Abs(difference).ToString(format, Invariant)}{percent}";
    }

    private static string Ms(double ms) => ms.ToString("N0", Invariant) + " ms";

    private static string Mb(long kb) => (kb / 1024.0).ToString("N0", Invariant) + " MB";
}
