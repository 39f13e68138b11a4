namespace Humas.Workflow.Summaries;

public static class SummarySchedule
{
    /// <summary>Monday 07:00 in the office's time (WIB), five-field cron.</summary>
    public const string Wib = "0 7 * * 1";

    /// <summary>The same moment for the Functions timer: six-field NCRONTAB in UTC, Monday 00:00 UTC = 07:00 WIB.</summary>
    public const string FunctionsUtc = "0 0 0 * * 1";
}
