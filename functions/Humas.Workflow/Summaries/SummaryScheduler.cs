using Cronos;
using Humas.Workflow.Pages;

namespace Humas.Workflow.Summaries;

/// <summary>
/// When the weekly summary runs next, in WIB. The local host's timer (LocalSummaryScheduler) waits for it; in Azure the
/// Functions timer trigger does this job.
/// </summary>
public static class SummaryScheduler
{
    public static DateTimeOffset? Next(string cron, DateTimeOffset after) =>
        CronExpression.Parse(cron).GetNextOccurrence(after, Wib.Zone);
}
