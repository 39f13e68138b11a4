using Humas.Workflow.Configuration;
using Humas.Workflow.Recovery;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Humas.LocalHost.Recovery;

/// <summary>The local host's stand-in for the Functions timer that looks for stopped workflows.</summary>
internal sealed class WorkflowFailureWatch(
    WorkflowFailures failures, DurableTaskClient client, IOptions<HumasOptions> options, TimeProvider clock, ILogger<WorkflowFailureWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Workflow.FailureCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await failures.NoticeAllAsync(client, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage may be briefly away; the next round finds what this one missed.
                logger.LogWarning(e, "The look for stopped workflows failed; it runs again in {Interval}", options.Value.Workflow.FailureCheckInterval);
            }
        }
    }
}
