using Humas.Workflow.Pages;
using Humas.Workflow.Summaries;
using Microsoft.Extensions.Options;

namespace Humas.LocalHost.Schedules;

/// <summary>
/// The local host's timer for the weekly summary (at <see cref="SummaryScheduler.Next"/>), each week run by one process
/// only when several share the storage: each process wakes at the same moment, and the summary's per-recipient check
/// ("sent already?") cannot stop two processes that both look before either has sent.
/// </summary>
internal sealed class LocalSummaryScheduler(
    WeeklySummary summary, ScheduleClaims claims, IOptions<SummaryOptions> options, TimeProvider clock, ILogger<LocalSummaryScheduler> logger)
    : BackgroundService
{
    public const string Job = "weekly-summary";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunOnSchedule) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = SummaryScheduler.Next(options.Value.Schedule, clock.GetUtcNow());
            if (next is null) return;
            logger.LogInformation("Next weekly summary at {At}", Wib.Format(next));
            var wait = next.Value - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
            // Named by the occurrence, not by the clock after the wait, so that every process claims the same run.
            var runId = WeeklySummary.WeeklyRunId(next.Value);
            try
            {
                if (!await claims.RunOnceAsync(Job, runId, ct => summary.RunAsync(runId, ct), stoppingToken))
                    logger.LogInformation("Weekly summary {RunId} was run by another local host process", runId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The weekly summary failed; it runs again at the next occurrence or with POST /api/summaries/run");
            }
        }
    }
}
