using Humas.Workflow.Calendar;

namespace Humas.Workflow.Holidays;

/// <summary>The closed days staff keep: stored, they replace the profile's list as a whole.</summary>
public sealed record HolidaySettings(IReadOnlyList<Holiday> Holidays)
{
    /// <summary>What changed, one line a day, for the change log.</summary>
    public static IReadOnlyList<string> Differences(HolidaySettings before, HolidaySettings after)
    {
        var old = before.Holidays.ToDictionary(h => h.Date);
        var lines = new List<string>();
        foreach (var h in after.Holidays.OrderBy(h => h.Date))
        {
            if (!old.Remove(h.Date, out var was)) lines.Add($"+ {h.Date:yyyy-MM-dd}: {h.Name}");
            else if (was.Name != h.Name) lines.Add($"{h.Date:yyyy-MM-dd}: {was.Name} -> {h.Name}");
        }
        lines.AddRange(old.Values.OrderBy(h => h.Date).Select(h => $"- {h.Date:yyyy-MM-dd}: {h.Name}"));
        return lines;
    }
}
