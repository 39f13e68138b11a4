namespace Humas.Workflow.Calendar;

/// <summary>A day the office is closed: a national holiday or a cuti bersama day, with the name people know it by.</summary>
public sealed record Holiday(DateOnly Date, string Name);
