using System.Collections.Concurrent;
using System.Diagnostics;
using Humas.Benchmarks.Shared;

namespace Humas.Workflow.Benchmarks;

/// <summary>How a batch of runs went: the wall time of all of them, and each one's own time from start to end.</summary>
public sealed record RunFigures(int Count, int Concurrency, TimeSpan Wall, IReadOnlyList<double> LatenciesMs, DateTimeOffset Started, DateTimeOffset Ended)
{
    /// <summary>Wall time divided by the count: what one submission costs when <see cref="Concurrency"/> are under way at once.</summary>
    public double PerRunMs => Wall.TotalMilliseconds / Count;

    public double P(double q) => Figures.Percentile(LatenciesMs, q);
}

public static class Runs
{
    /// <summary>Runs <paramref name="count"/> items, <paramref name="concurrency"/> at a time, timing each one.</summary>
    public static async Task<RunFigures> RunAsync(int count, int concurrency, Func<int, Task> run)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var at = Stopwatch.GetTimestamp();
                await run(n);
                latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        })));
        return new RunFigures(count, concurrency, wall.Elapsed, [.. latencies], started, DateTimeOffset.UtcNow);
    }
}
