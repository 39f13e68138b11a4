using System.Globalization;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Reach;

/// <summary>Builds a <see cref="ReachReport"/> from a year's daily rows and the profile's reach targets.</summary>
public sealed class ReachReporter(IEnumerable<IReachSource> sources, ReachStore store, Publication.Channels.ChannelHealthStore health, UnitProfile unit, TimeProvider clock)
{
    public async Task<ReachReport> BuildAsync(int year, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var at = asOf ?? clock.GetUtcNow();
        var channels = new List<ChannelReachReport>();
        var firsts = new Dictionary<string, ChannelReach>();
        foreach (var channel in sources.Select(s => s.Channel).Distinct())
        {
            var rows = await store.RangeAsync(channel, $"{year:D4}-01-01", $"{year:D4}-12-31", ct);
            if (rows.Count == 0) continue;
            var latest = rows[^1];
            var weekAgo = ReachDay.Name(ReachDay.Parse(latest.Day).AddDays(-7));
            var before = rows.LastOrDefault(r => string.CompareOrdinal(r.Day, weekAgo) <= 0) ?? rows[0];
            firsts[channel] = rows[0];
            channels.Add(new ChannelReachReport(channel, latest.Day, latest.Figures, Change(before, latest), Change(rows[0], latest), Weekly(rows)));
        }

        var targets = unit.ReachTargets.Where(t => t.Year == year).Select(t =>
        {
            var report = channels.FirstOrDefault(c => c.Channel == t.Channel);
            var actual = report?.Latest.GetValueOrDefault(t.Figure) ?? 0;
            var start = firsts.TryGetValue(t.Channel, out var first) ? first.Figures.GetValueOrDefault(t.Figure) : 0;
            return ReachPace.Of(t.Channel, t.Figure, t.Target, start, actual, year, at);
        }).ToList();
        var reconnect = (await health.NeedingReconnectAsync(sources.Select(s => s.Channel).Distinct(), ct))
            .Select(h => new ReconnectNeeded(h.Channel, h.Since)).ToList();
        return new ReachReport(year, at, channels, targets, reconnect);
    }

    private static Dictionary<string, long> Change(ChannelReach from, ChannelReach to) =>
        to.Figures.ToDictionary(f => f.Key, f => f.Value - from.Figures.GetValueOrDefault(f.Key, f.Value));

    // A week's point is its last measured day (weeks from Monday, as the summary's).
    private static List<ReachPoint> Weekly(IReadOnlyList<ChannelReach> rows) =>
        rows.GroupBy(r => Week(ReachDay.Parse(r.Day).ToDateTime(TimeOnly.MinValue)))
            .Select(w => w.Last()).Select(r => new ReachPoint(r.Day, r.Figures)).ToList();

    private static int Week(DateTime day) => ISOWeek.GetYear(day) * 100 + ISOWeek.GetWeekOfYear(day);
}
