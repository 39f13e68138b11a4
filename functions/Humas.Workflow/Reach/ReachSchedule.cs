namespace Humas.Workflow.Reach;

public static class ReachSchedule
{
    /// <summary>Every day at 06:00 in the office's time (WIB), five-field cron: before the office opens, after the night's views.</summary>
    public const string Wib = "0 6 * * *";

    /// <summary>The same moment for the Functions timer: six-field NCRONTAB in UTC, 23:00 UTC = 06:00 WIB.</summary>
    public const string FunctionsUtc = "0 0 23 * * *";
}
