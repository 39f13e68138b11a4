using System.Globalization;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Reach;

/// <summary>The office's days (WIB), as the reach rows name them.</summary>
public static class ReachDay
{
    public const string Format = "yyyy-MM-dd";

    public static string Of(DateTimeOffset at) => at.ToWib().ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(at.ToWib().DateTime);

    public static string Name(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Parse(string day) => DateOnly.ParseExact(day, Format, CultureInfo.InvariantCulture);

    /// <summary>The moments a WIB day begins and ends.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var from = new DateTimeOffset(start, Wib.Zone.GetUtcOffset(start));
        return (from, from.AddDays(1));
    }
}
