using Humas.Workflow.Summaries;
using Microsoft.Azure.Functions.Worker;

namespace Humas.Functions;

/// <summary>Timer triggers. NCRONTAB runs in UTC here (WEBSITE_TIME_ZONE is not set): Monday 00:00 UTC is 07:00 WIB.</summary>
public sealed class TimerTriggers(WeeklySummary summary)
{
    [Function("WeeklySummary")]
    public Task WeeklySummary([TimerTrigger(SummarySchedule.FunctionsUtc)] TimerInfo timer, CancellationToken ct) =>
        summary.RunScheduledAsync(ct);
}
