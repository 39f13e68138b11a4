using System.Globalization;
using Humas.Workflow.Calendar;

namespace Humas.Workflow.Holidays;

/// <summary>Checks the closed days a PUT sends: every problem by field (<c>holidays[2].date</c>).</summary>
public static class HolidayRules
{
    public const int MaxHolidays = 1000;
    public const int MaxName = 200;

    public static (IReadOnlyList<Holiday> Holidays, Dictionary<string, string[]> Errors) Check(IReadOnlyList<HolidayInput?>? input)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var had) ? [.. had, message] : [message];
        var list = new List<Holiday>();
        if (input is null) { Add("holidays", "Wajib diisi (boleh kosong) / required (may be empty)"); return (list, errors); }
        if (input.Count > MaxHolidays) { Add("holidays", $"Paling banyak {MaxHolidays} hari / at most {MaxHolidays} days"); return (list, errors); }
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < input.Count; i++)
        {
            var at = $"holidays[{i}]";
            if (input[i] is not { } h) { Add(at, "Data hari kosong / empty entry"); continue; }
            var name = h.Name?.Trim() ?? "";
            if (name.Length is 0 or > MaxName) Add($"{at}.name", $"Nama wajib, paling banyak {MaxName} karakter / a name is required, at most {MaxName} characters");
            else if (name.Any(char.IsControl)) Add($"{at}.name", "Tanpa karakter kendali / no control characters");
            if (!DateOnly.TryParseExact(h.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add($"{at}.date", "Tanggal YYYY-MM-DD (mis. 2026-12-25) / a date YYYY-MM-DD (e.g. 2026-12-25)");
                continue;
            }
            if (date.Year is < 2000 or > 2100) Add($"{at}.date", "Tahun 2000 sampai 2100 / a year from 2000 to 2100");
            else if (seen.TryGetValue(date, out var first))
                Add($"{at}.date", $"Tanggal {date:yyyy-MM-dd} sudah ada di holidays[{first}] / {date:yyyy-MM-dd} is already at holidays[{first}]");
            else seen[date] = i;
            list.Add(new Holiday(date, name));
        }
        return (list.OrderBy(h => h.Date).ToList(), errors);
    }
}
