namespace Humas.Workflow.Tests.Reach;

/// <summary>A clock a test moves by days: reach is one row a day, and each test keeps to days of its own.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    // The reach report answers the years 2000 to 2100; these tests take turns through 2030 to 2100.
    private static int taken = Random.Shared.Next(0, 71);

    /// <summary>
    /// A day at 06:00 WIB in a year no other test of this run uses: reach rows are named by day and a year's report shows
    /// its latest day, so two tests in one year would see each other's figures.
    /// </summary>
    public static SettableClock OnAFreshDay() =>
        new(new DateTimeOffset(2030 + Interlocked.Increment(ref taken) % 71, 3, 1, 6, 0, 0, TimeSpan.FromHours(7)).AddDays(Random.Shared.Next(0, 200)));
}
