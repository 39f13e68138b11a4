using Humas.Workflow.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Uploads;

/// <summary>
/// Removes uploads older than the retention (a day by default): those no submission named, and the rows of
/// those one did. Both hosts run it on <see cref="Schedule"/>: the Functions app with a timer trigger, the
/// local host with a hosted service.
/// </summary>
public sealed class UploadSweeper(UploadStore uploads, IOptions<HumasOptions> options, TimeProvider clock, ILogger<UploadSweeper> logger)
{
    /// <summary>Every hour at minute 17 (NCRONTAB with seconds), away from the top of the hour when other timers fire.</summary>
    public const string Schedule = "0 17 * * * *";

    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Intake.UploadRetention;
        var removed = 0;
        await foreach (var upload in uploads.CreatedBeforeAsync(cutoff, ct))
        {
            await uploads.RemoveAsync(upload, ct);
            removed++;
        }
        if (removed > 0) logger.LogInformation("Removed {Count} uploads older than {Cutoff:u}", removed, cutoff);
        return removed;
    }
}
