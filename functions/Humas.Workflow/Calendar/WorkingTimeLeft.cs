namespace Humas.Workflow.Calendar;

/// <summary>
/// Working time until a deadline: the working days wholly before it, and the working time of the days only partly
/// before it (the rest of today, the morning of a deadline that falls mid-day).
/// </summary>
public sealed record WorkingTimeLeft(int Days, TimeSpan Time)
{
    public bool IsOver => Days == 0 && Time <= TimeSpan.Zero;
}
