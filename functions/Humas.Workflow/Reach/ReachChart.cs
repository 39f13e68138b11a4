using ScottPlot;

namespace Humas.Workflow.Reach;

/// <summary>
/// The reach chart: each channel's headline figure (followers, subscribers, posts) week by week, as its growth in percent
/// since the year's first measurement, so channels of very different sizes share one axis. The figures themselves are in
/// the table beside it.
/// </summary>
public static class ReachChart
{
    public const string ContentId = "jangkauan-kanal";
    private static readonly Color[] Colors = [Color.FromHex("#0b5cad"), Color.FromHex("#b3261e"), Color.FromHex("#1c7c3c"), Color.FromHex("#7a4fb0")];

    public static byte[] Png(ReachReport report, int width = 760, int height = 320)
    {
        var plot = new Plot();
        var i = 0;
        foreach (var channel in report.Channels)
        {
            var figure = ReachFigures.Headline(channel.Channel);
            var first = channel.Weekly.Count > 0 ? channel.Weekly[0].Figures.GetValueOrDefault(figure) : 0;
            var days = channel.Weekly.Select(p => ReachDay.Parse(p.Day).ToDateTime(TimeOnly.MinValue)).ToArray();
            var growth = channel.Weekly.Select(p => first == 0 ? 0 : 100.0 * (p.Figures.GetValueOrDefault(figure) - first) / first).ToArray();
            var line = plot.Add.Scatter(days, growth);
            line.Color = Colors[i++ % Colors.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = $"{Vocabulary.Terms.Channel(channel.Channel).Id}: {Vocabulary.Terms.ReachFigure(figure).Both}";
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Jangkauan kanal {report.Year} / Channel reach");
        plot.YLabel("% sejak pengukuran pertama / % since the first measurement");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
