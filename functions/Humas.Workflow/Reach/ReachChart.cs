using ScottPlot;

namespace Humas.Workflow.Reach;

/// <summary>
/// The reach chart: each channel's headline figure (followers, subscribers, posts) week by week, as its growth in percent
/// since the year's first measurement, so channels of very different sizes share one axis. The figures themselves are in
/// the table beside it; the dashboard and the summary draw it as they draw the progress chart, a PNG.
/// </summary>
public static class ReachChart
{
    public const string ContentId = "jangkauan-kanal";
    private static readonly System.Globalization.CultureInfo Indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
    private static readonly Color[] Colors = [Color.FromHex("#0b5cad"), Color.FromHex("#b3261e"), Color.FromHex("#1c7c3c"), Color.FromHex("#7a4fb0")];

    public static byte[] Png(ReachReport report, int width = 760, int height = 320)
    {
        var plot = new Plot();
        var i = 0;
        foreach (var channel in report.Channels)
        {
            var figure = ReachFigures.Headline(channel.Channel);
            var first = channel.Weekly.Count > 0 ? channel.Weekly[0].Figures.GetValueOrDefault(figure) : 0;
            var days = channel.Weekly.Select(p => ReachDay.Parse(p.Day).ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var growth = channel.Weekly.Select(p => first == 0 ? 0 : 100.0 * (p.Figures.GetValueOrDefault(figure) - first) / first).ToArray();
            var line = plot.Add.Scatter(days, growth);
            line.Color = Colors[i++ % Colors.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = $"{Vocabulary.Terms.Channel(channel.Channel).Id}: {Vocabulary.Terms.ReachFigure(figure).Both}";
        }
        // Dates as the office writes them (1 Des), at most eight, where ScottPlot's own date ticks would be American.
        var ticks = report.Channels.SelectMany(c => c.Weekly).Select(p => p.Day).Distinct().Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(ticks.Count / 8.0));
        var shown = ticks.Where((_, n) => n % step == 0).Select(ReachDay.Parse).ToList();
        if (shown.Count > 0)
        {
            plot.Axes.Bottom.SetTicks(shown.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                shown.Select(d => d.ToString("d MMM", Indonesian)).ToArray());
            plot.Axes.SetLimitsX(shown[0].ToDateTime(TimeOnly.MinValue).ToOADate() - 3, ReachDay.Parse(ticks[^1]).ToDateTime(TimeOnly.MinValue).ToOADate() + 3);
        }
        plot.Title($"Jangkauan kanal {report.Year} / Channel reach");
        plot.YLabel("Pertumbuhan % / growth %");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
