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
    : ClaimedSchedule(claims, clock, logger)
{
    public const string JobName = "weekly-summary";

    protected override string Job => JobName;

    protected override string? Schedule => options.Value.RunOnSchedule ? options.Value.Schedule : null;

    protected override string Occurrence(DateTimeOffset at) => WeeklySummary.WeeklyRunId(at);

    protected override Task RunAsync(string occurrence, CancellationToken ct) => summary.RunAsync(occurrence, ct);
}
