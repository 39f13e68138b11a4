using Humas.Workflow.Uploads;
using Microsoft.Azure.Functions.Worker;

namespace Humas.Functions;

/// <summary>Removes uploads no submission named, on the schedule the local host also keeps.</summary>
public sealed class UploadTriggers(UploadSweeper sweeper)
{
    [Function("SweepUploads")]
    public Task SweepUploads([TimerTrigger(UploadSweeper.Schedule)] TimerInfo timer, CancellationToken ct) => sweeper.SweepAsync(ct);
}
