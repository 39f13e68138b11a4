using System.Globalization;
using Cronos;
using Humas.LocalHost.Schedules;
using Humas.Workflow.Uploads;

namespace Humas.LocalHost.Uploads;

/// <summary>
/// The local host's stand-in for the Functions timer trigger: the same sweep on the same schedule, by one process when
/// several share the storage (two sweeps at once would trip over each other's deletions).
/// </summary>
internal sealed class UploadSweepService(UploadSweeper sweeper, ScheduleClaims claims, TimeProvider clock, ILogger<UploadSweepService> logger) : BackgroundService
{
    private static readonly CronExpression Schedule = CronExpression.Parse(UploadSweeper.Schedule, CronFormat.IncludeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = Schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now.AddHours(1);
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                await claims.RunOnceAsync("upload-sweep", next.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture),
                    ct => sweeper.SweepAsync(ct), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage may be briefly away (Azurite restarting); the next run picks up what this one missed.
                logger.LogWarning(e, "The upload sweep failed; it runs again at the next scheduled time");
            }
        }
    }
}
