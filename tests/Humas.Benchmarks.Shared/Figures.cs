namespace Humas.Benchmarks.Shared;

/// <summary>The statistics the benchmark programs print.</summary>
public static class Figures
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.50);

    /// <summary>The nearest-rank percentile (q from 0 to 1): a value that was measured, never one between two.</summary>
    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("No values measured.");
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
