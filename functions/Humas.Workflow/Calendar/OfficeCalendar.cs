namespace Humas.Workflow.Calendar;

/// <summary>
/// The profile's part on working time: the office's hours each day of the week, and the closed days (national
/// holidays and cuti bersama) of the years filled in. Staff replace the holidays without a deploy.
/// </summary>
public sealed record OfficeCalendar
{
    public IReadOnlyList<OfficeHours> Hours { get; init; } =
        [new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "08:00", "16:00")];

    public IReadOnlyList<Holiday> Holidays { get; init; } = [];

    /// <summary>Whether the weekly summary measures the pace towards targets in working days rather than calendar days.</summary>
    public bool PaceInWorkingDays { get; init; }
}
