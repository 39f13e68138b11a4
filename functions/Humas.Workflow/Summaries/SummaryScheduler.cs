using Cronos;
using Humas.Workflow.Pages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Summaries;

/// <summary>
/// The local host's timer for the weekly summary (in Azure the Functions timer trigger does this): waits for
/// the next occurrence of the schedule in WIB and runs the summary under that week's name.
/// </summary>
public sealed class SummaryScheduler(WeeklySummary summary, IOptions<SummaryOptions> options, TimeProvider clock, ILogger<SummaryScheduler> logger)
    : BackgroundService
{
    public static DateTimeOffset? Next(string cron, DateTimeOffset after) =>
        CronExpression.Parse(cron).GetNextOccurrence(after, Wib.Zone);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunOnSchedule) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Next(options.Value.Schedule, clock.GetUtcNow());
            if (next is null) return;
            logger.LogInformation("Next weekly summary at {At}", Wib.Format(next));
            var wait = next.Value - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
            try
            {
                await summary.RunScheduledAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The weekly summary failed; it runs again at the next occurrence or with POST /api/summaries/run");
            }
        }
    }
}
