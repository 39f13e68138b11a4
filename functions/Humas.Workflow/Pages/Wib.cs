using System.Globalization;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Pages;

/// <summary>The office's time (Asia/Jakarta, UTC+7): stored times are UTC, people read WIB.</summary>
public static class Wib
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }

    public static DateTimeOffset ToWib(this DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    public static string Format(DateTimeOffset? t, Lang lang = Lang.Id) =>
        t is null ? "-" : t.Value.ToWib().ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo(lang == Lang.En ? "en-GB" : "id-ID")) + " WIB";
}
