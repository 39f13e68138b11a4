namespace Humas.Workflow.Tests.Reach;

/// <summary>A clock a test moves by days: reach is one row a day, and each test keeps to days of its own.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A day at 06:00 WIB no other test uses: a random day of a year far ahead, as reach rows are named by day.</summary>
    public static SettableClock OnAFreshDay() =>
        new(new DateTimeOffset(2040 + Random.Shared.Next(0, 50), 3, 1, 6, 0, 0, TimeSpan.FromHours(7)).AddDays(Random.Shared.Next(0, 200)));
}
