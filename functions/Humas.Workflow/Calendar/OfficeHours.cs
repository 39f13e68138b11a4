namespace Humas.Workflow.Calendar;

/// <summary>The hours the office is open on some days of the week, in the unit's time (e.g. 07:30 to 16:00).</summary>
/// <param name="Opens">"HH:mm".</param>
/// <param name="Closes">"HH:mm", after <paramref name="Opens"/> on the same day.</param>
public sealed record OfficeHours(IReadOnlyList<DayOfWeek> Days, string Opens, string Closes);
