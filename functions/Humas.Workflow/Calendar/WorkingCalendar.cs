using System.Globalization;

namespace Humas.Workflow.Calendar;

/// <summary>
/// Working-time arithmetic on one unit's calendar: office hours by day of the week in the unit's time zone, and closed
/// days. Pure: it is given the moments and answers; nothing here reads a clock.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Ten years: a calendar with no working day at all must fail, not loop.</summary>
    private const int MaxDays = 3660;

    private readonly Dictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)> hours = [];
    private readonly HashSet<DateOnly> closed;

    public WorkingCalendar(OfficeCalendar settings, TimeZoneInfo zone)
    {
        Zone = zone;
        Settings = settings;
        foreach (var h in settings.Hours)
        {
            var opens = Time(h.Opens, "opens");
            var closes = Time(h.Closes, "closes");
            if (closes <= opens) throw new InvalidOperationException($"Office hours close ({h.Closes}) before they open ({h.Opens}).");
            foreach (var day in h.Days)
                if (!hours.TryAdd(day, (opens, closes))) throw new InvalidOperationException($"Office hours name {day} twice.");
        }
        if (hours.Count == 0) throw new InvalidOperationException("Office hours name no working day.");
        closed = settings.Holidays.Select(h => h.Date).ToHashSet();
    }

    public TimeZoneInfo Zone { get; }

    public OfficeCalendar Settings { get; }

    /// <summary>The same hours with other closed days (what staff keep).</summary>
    public WorkingCalendar WithHolidays(IReadOnlyList<Holiday> holidays) => new(Settings with { Holidays = holidays }, Zone);

    private static TimeOnly Time(string text, string what) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw new InvalidOperationException($"Office hours: '{text}' ({what}) is not a time HH:mm.");

    public bool IsWorkingDay(DateOnly day) => hours.ContainsKey(day.DayOfWeek) && !closed.Contains(day);

    public string? HolidayName(DateOnly day) => Settings.Holidays.FirstOrDefault(h => h.Date == day)?.Name;

    /// <summary>The unit's date of a moment.</summary>
    public DateOnly DateOf(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Zone).DateTime);

    /// <summary>When the office opens and closes on a working day, as instants.</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes) Open(DateOnly day)
    {
        var (opens, closes) = hours[day.DayOfWeek];
        return (At(day, opens), At(day, closes));
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Working days from the day of <paramref name="from"/> on, each with its open hours.</summary>
    private IEnumerable<(DateOnly Day, DateTimeOffset Opens, DateTimeOffset Closes)> WorkingDaysFrom(DateTimeOffset from)
    {
        var day = DateOf(from);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
            if (IsWorkingDay(day))
            {
                var (opens, closes) = Open(day);
                yield return (day, opens, closes);
            }
        throw new InvalidOperationException($"No working day within {MaxDays} days of {from:O}.");
    }

    /// <summary>The moment itself when the office is open then, else the next opening.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset t)
    {
        foreach (var (_, opens, closes) in WorkingDaysFrom(t))
        {
            if (t < opens) return opens;
            if (t < closes) return t;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// The end of a duration started at <paramref name="start"/>. Plain time is added as it is. Working days end at the
    /// close of the last one; the day it starts on counts only when it starts before the office opens. Working hours
    /// count office time only, from the next opening when it starts outside it.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration)
    {
        if (!duration.IsWorking) return start + duration.Plain;
        if (duration.WorkingDays > 0)
        {
            var left = duration.WorkingDays;
            foreach (var (_, opens, closes) in WorkingDaysFrom(start))
            {
                if (start > opens) continue; // a day already begun is not a whole working day
                if (--left == 0) return closes;
            }
        }
        var remaining = duration.WorkingTime;
        foreach (var (_, opens, closes) in WorkingDaysFrom(start))
        {
            var from = start > opens ? start : opens;
            if (from >= closes) continue;
            var available = closes - from;
            if (remaining <= available) return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The working time from <paramref name="now"/> until <paramref name="deadline"/>: whole working days and the rest.</summary>
    public WorkingTimeLeft TimeLeft(DateTimeOffset now, DateTimeOffset deadline)
    {
        if (deadline <= now) return new WorkingTimeLeft(0, TimeSpan.Zero);
        var days = 0;
        var time = TimeSpan.Zero;
        var last = DateOf(deadline);
        foreach (var (day, opens, closes) in WorkingDaysFrom(now))
        {
            if (day > last) break;
            var from = now > opens ? now : opens;
            var to = deadline < closes ? deadline : closes;
            if (to <= from) continue;
            if (from == opens && to == closes) days++;
            else time += to - from;
        }
        return new WorkingTimeLeft(days, time);
    }

    /// <summary>The working days from <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
