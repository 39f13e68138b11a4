using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Targets;

/// <summary>
/// Builds a <see cref="TargetReport"/> from the year's counter row and the unit profile; the pace in working days on the
/// unit's calendar as staff keep it, where the profile says so.
/// </summary>
public sealed class TargetReporter(ProgressStore progress, UnitProfile unit, TimeProvider clock, Holidays.UnitCalendar? calendar = null)
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    public DateTimeOffset Now => clock.GetUtcNow();

    public int CurrentYear => Now.ToWib().Year;

    public async Task<TargetReport> BuildAsync(int year, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var at = asOf ?? Now;
        var counts = await progress.GetAsync(year, ct);
        int Get(string key) => counts.GetValueOrDefault(key);
        var workingDays = !unit.Calendar.PaceInWorkingDays ? null : calendar is null ? unit.WorkingCalendar() : await calendar.CurrentAsync(ct);

        var targets = unit.Targets.Where(s => s.Year == year).SelectMany(s => s.Items.Select(i =>
        {
            var actual = Get(Counters.Target(i.Id));
            var pace = Pace.Of(i.Target, actual, year, at, workingDays);
            return new TargetProgress(i.Id, s.Programme, i.Name, i.NameEn, i.Target, actual, pace.ExpectedByNow,
                pace.Status, pace.Short, i.Target == 0 ? 0 : Math.Round(100.0 * actual / i.Target, 1));
        })).ToList();

        var regions = unit.Regions.Select(r => new CountBy(r.Code, r.Name, Get(Counters.Region(r.Code)))).ToList();
        var teams = unit.Teams.Select(t => new CountBy(t.Id, t.Name, Get(Counters.Team(t.Id))))
            .Concat(Others(counts, "team:", unit.Teams.Select(t => t.Id))).ToList();
        var channels = unit.Channels.Select(c => new CountBy(c, c, Get(Counters.Channel(c))))
            .Concat(Others(counts, "channel:", unit.Channels)).ToList();
        var types = Submissions.ContentTypes.All.Select(t => new CountBy(t, t, Get(Counters.ContentType(t)))).ToList();

        return new TargetReport
        {
            Unit = unit.ShortName, Year = year, AsOf = at, YearElapsed = Math.Round(Pace.Elapsed(year, at, workingDays), 4),
            Targets = targets, PublishedItems = Get(Counters.Items),
            ByTeam = teams, ByChannel = channels, ByContentType = types,
            ByMonth = Enumerable.Range(1, 12).Select(m => new CountBy($"{year}-{m:D2}", MonthNames[m - 1], Get(Counters.Month(m)))).ToList(),
            Registers = new RegisterCounts(Get(Counters.Communities), Get(Counters.PartnerMedia("local")), Get(Counters.PartnerMedia("national"))),
            Coverage = new RegionCoverage(regions.Count, regions.Count(r => r.Count > 0), regions, regions.Where(r => r.Count == 0).ToList()),
        };
    }

    // Counts under a key the profile no longer names still show, so that no published item disappears from a total.
    private static IEnumerable<CountBy> Others(IReadOnlyDictionary<string, int> counts, string prefix, IEnumerable<string> known)
    {
        var names = known.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal) && !names.Contains(c.Key[prefix.Length..]))
            .OrderBy(c => c.Key).Select(c => new CountBy(c.Key[prefix.Length..], c.Key[prefix.Length..], c.Value));
    }
}
