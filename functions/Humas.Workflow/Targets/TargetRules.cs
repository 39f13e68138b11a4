using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Targets;

/// <summary>Decides which counters one counted thing moves, from the unit profile's targets for its year.</summary>
public sealed class TargetRules(UnitProfile unit)
{
    public IReadOnlyList<TargetSet> SetsFor(int year) => unit.Targets.Where(s => s.Year == year).ToList();

    public IReadOnlyList<string> CountersFor(CountedFacts f)
    {
        var keys = new List<string>();
        foreach (var item in SetsFor(f.Year).SelectMany(s => s.Items))
            if (Matches(item.Counts, f)) keys.Add(Counters.Target(item.Id));
        switch (f.Source)
        {
            case CountSources.Content:
                // Months and region coverage are about the office's own published content.
                keys.Add(Counters.Items);
                keys.Add(Counters.Month(f.At.ToWib().Month));
                if (f.Region is { Length: > 0 } region) keys.Add(Counters.Region(region));
                if (f.ContentType is { Length: > 0 } type) keys.Add(Counters.ContentType(type));
                if (f.Team is { Length: > 0 } team) keys.Add(Counters.Team(team));
                keys.AddRange(f.Channels.Select(Counters.Channel));
                break;
            case CountSources.Communities:
                keys.Add(Counters.Communities);
                if (f.Team is { Length: > 0 } communityTeam) keys.Add(Counters.Team(communityTeam));
                break;
            case CountSources.PartnerMedia:
                keys.Add(Counters.PartnerMedia(f.Scope ?? "local"));
                keys.AddRange(f.Channels.Select(Counters.Channel));
                break;
        }
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    public static bool Matches(TargetCounts c, CountedFacts f) =>
        Same(c.Source ?? CountSources.Content, f.Source)
        && (c.ContentType is null || Same(c.ContentType, f.ContentType))
        && (c.PriorityProgram is null || c.PriorityProgram == f.PriorityProgram)
        && (c.Program is null || Same(c.Program, f.Program))
        && (c.Channel is null || f.Channels.Any(ch => Same(c.Channel, ch)))
        && (c.Scope is null || Same(c.Scope, f.Scope));

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
