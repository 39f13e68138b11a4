namespace Humas.Workflow.Calendar;

public static class TimeZones
{
    /// <summary>The zone by its IANA id; a machine without time zone data still knows WIB (UTC+7, no summer time).</summary>
    public static TimeZoneInfo Find(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) when (id == "Asia/Jakarta") { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }
}
