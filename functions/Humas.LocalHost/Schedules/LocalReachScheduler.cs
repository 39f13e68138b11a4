using Humas.Workflow.Reach;
using Microsoft.Extensions.Options;

namespace Humas.LocalHost.Schedules;

/// <summary>
/// The local host's timer for the daily reach, each day run by one process when several share the storage. A second
/// run the same day would change nothing (<see cref="ReachRecorder"/>), but would ask every channel's API again.
/// </summary>
internal sealed class LocalReachScheduler(
    ReachRecorder recorder, ScheduleClaims claims, IOptions<ReachOptions> options, TimeProvider clock, ILogger<LocalReachScheduler> logger)
    : ClaimedSchedule(claims, clock, logger)
{
    public const string JobName = "daily-reach";

    protected override string Job => JobName;

    protected override string? Schedule => options.Value.RunOnSchedule ? options.Value.Schedule : null;

    protected override string Occurrence(DateTimeOffset at) => "reach-" + ReachDay.Of(at);

    protected override Task RunAsync(string occurrence, CancellationToken ct) => recorder.RunAsync(ct);
}
