using Humas.Workflow.Pages;
using Humas.Workflow.Summaries;

namespace Humas.LocalHost.Schedules;

/// <summary>
/// A job the local host runs at each occurrence of a cron schedule read in WIB, each occurrence by one process only when
/// several share the storage (<see cref="ScheduleClaims"/>): the local host's equivalent of a Functions timer trigger.
/// </summary>
internal abstract class ClaimedSchedule(ScheduleClaims claims, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The job's name, which its claim blob carries.</summary>
    protected abstract string Job { get; }

    /// <summary>Its cron expression, or null when it does not run on a schedule here.</summary>
    protected abstract string? Schedule { get; }

    /// <summary>The occurrence's name; occurrences sort in the order they happen.</summary>
    protected abstract string Occurrence(DateTimeOffset at);

    protected abstract Task RunAsync(string occurrence, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Schedule is not { } schedule) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = SummaryScheduler.Next(schedule, clock.GetUtcNow());
            if (next is null) return;
            logger.LogInformation("Next {Job} at {At}", Job, Wib.Format(next));
            var wait = next.Value - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
            // Named by the occurrence, not by the clock after the wait, so that every process claims the same run.
            var occurrence = Occurrence(next.Value);
            try
            {
                if (!await claims.RunOnceAsync(Job, occurrence, ct => RunAsync(occurrence, ct), stoppingToken))
                    logger.LogInformation("{Job} {Occurrence} was run by another local host process", Job, occurrence);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job} failed; it runs again at the next occurrence or when staff run it", Job);
            }
        }
    }
}
