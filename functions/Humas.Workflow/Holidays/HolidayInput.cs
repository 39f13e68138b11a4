namespace Humas.Workflow.Holidays;

/// <summary>One closed day as a PUT sends it, checked before it becomes a <see cref="Calendar.Holiday"/>.</summary>
public sealed record HolidayInput
{
    public string? Date { get; init; }
    public string? Name { get; init; }
}
