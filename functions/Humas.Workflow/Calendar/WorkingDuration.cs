using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Humas.Workflow.Calendar;

/// <summary>
/// A deadline's length: plain time as before (<c>3.00:00:00</c>, <c>04:00:00</c>), or working time on the unit's
/// calendar: whole working days (<c>2wd</c>, ending at the close of the last one) or working hours (<c>16wh</c>).
/// Written as that same text in settings and in orchestration inputs, so inputs recorded with plain TimeSpans read back.
/// </summary>
[TypeConverter(typeof(WorkingDurationConverter))]
[JsonConverter(typeof(WorkingDurationJsonConverter))]
public readonly record struct WorkingDuration
{
    private WorkingDuration(TimeSpan plain, int workingDays, TimeSpan workingTime)
    {
        Plain = plain;
        WorkingDays = workingDays;
        WorkingTime = workingTime;
    }

    /// <summary>The plain length; zero for working time.</summary>
    public TimeSpan Plain { get; }

    public int WorkingDays { get; }

    /// <summary>Working hours (and minutes) of office time.</summary>
    public TimeSpan WorkingTime { get; }

    public bool IsWorking => WorkingDays > 0 || WorkingTime > TimeSpan.Zero;

    public static WorkingDuration Of(TimeSpan plain) => new(plain, 0, TimeSpan.Zero);

    public static WorkingDuration Days(int workingDays) =>
        workingDays > 0 ? new(TimeSpan.Zero, workingDays, TimeSpan.Zero) : throw new ArgumentOutOfRangeException(nameof(workingDays));

    public static WorkingDuration Hours(TimeSpan workingTime) =>
        workingTime > TimeSpan.Zero ? new(TimeSpan.Zero, 0, workingTime) : throw new ArgumentOutOfRangeException(nameof(workingTime));

    public static WorkingDuration Hours(double workingHours) => Hours(TimeSpan.FromHours(workingHours));

    public static implicit operator WorkingDuration(TimeSpan plain) => Of(plain);

    /// <summary>
    /// What the paths before working time (workflow versions 1 and 2) use: they only ever had plain values, and a
    /// working value meets them only in an instance started on a newer version, where it is not read.
    /// </summary>
    public TimeSpan Approximate => IsWorking ? TimeSpan.FromDays(WorkingDays) + WorkingTime : Plain;

    public static bool TryParse(string? text, out WorkingDuration value)
    {
        value = default;
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return false;
        var inv = CultureInfo.InvariantCulture;
        if (t.EndsWith("wd", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(t[..^2], NumberStyles.None, inv, out var days) || days is < 1 or > 365) return false;
            value = Days(days);
            return true;
        }
        if (t.EndsWith("wh", StringComparison.OrdinalIgnoreCase))
        {
            if (!decimal.TryParse(t[..^2], NumberStyles.AllowDecimalPoint, inv, out var hours) || hours <= 0 || hours > 365 * 24) return false;
            value = Hours(TimeSpan.FromMinutes((double)Math.Round(hours * 60)));
            return value.WorkingTime > TimeSpan.Zero;
        }
        if (!TimeSpan.TryParse(t, inv, out var plain) || plain < TimeSpan.Zero) return false;
        value = Of(plain);
        return true;
    }

    public static WorkingDuration Parse(string text) =>
        TryParse(text, out var value) ? value
            : throw new FormatException($"'{text}' is not a duration: a TimeSpan (3.00:00:00), working days (2wd) or working hours (16wh).");

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        if (WorkingDays > 0) return WorkingDays.ToString(inv) + "wd";
        if (WorkingTime > TimeSpan.Zero) return Math.Round((decimal)WorkingTime.TotalHours, 4).ToString(inv) + "wh";
        return Plain.ToString("c", inv);
    }
}
