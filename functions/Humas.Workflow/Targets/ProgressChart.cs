using ScottPlot;

namespace Humas.Workflow.Targets;

/// <summary>The progress chart: each target's share reached as a bar, against the pace line (the share of the year gone).</summary>
public static class ProgressChart
{
    public const string ContentId = "capaian-target";
    private static readonly Color Ok = Color.FromHex("#1c7c3c");
    private static readonly Color Late = Color.FromHex("#b3261e");

    public static byte[] Png(TargetReport report, int width = 760, int height = 0)
    {
        var plot = new Plot();
        var targets = report.Targets;
        if (height == 0) height = Math.Max(260, 90 + 55 * targets.Count);
        var bars = targets.Select((t, i) => new Bar
        {
            Position = i,
            Value = Math.Min(t.Percent, 120),
            FillColor = t.Status == PaceStatus.Behind ? Late : Ok,
            Label = $"{t.Actual}/{t.Target}",
        }).ToList();
        if (bars.Count > 0)
        {
            var series = plot.Add.Bars(bars);
            series.Horizontal = true;
            series.ValueLabelStyle.FontSize = 13;
            plot.Axes.Left.SetTicks(targets.Select((_, i) => (double)i).ToArray(), targets.Select(t => Shorten(t.Name)).ToArray());
        }
        var pace = plot.Add.VerticalLine(100 * report.YearElapsed);
        pace.LinePattern = LinePattern.Dashed;
        pace.LineColor = Color.FromHex("#0b5cad");
        pace.LegendText = "Laju seharusnya / expected pace";
        plot.Axes.SetLimitsX(0, 125);
        if (bars.Count > 0) plot.Axes.SetLimitsY(-0.6, bars.Count - 0.4);
        plot.Title($"Capaian target {report.Year} / Progress toward targets");
        plot.XLabel("% dari target tahunan / % of the yearly target");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static string Shorten(string name) => name.Length <= 28 ? name : name[..27] + "…";
}
