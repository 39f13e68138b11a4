using Azure;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.LocalHost.Engine;

/// <summary>
/// Creates the task hub and runs the orchestrations and activities on a <see cref="TaskHubWorker"/>. After storage has
/// been unreachable, it replaces the worker and its orchestration service with new ones once storage answers again:
/// a message the engine could not hand back during the outage can leave its orchestration's session held in the
/// engine's memory, and every later message of that orchestration is then refused as a duplicate until the engine is
/// new. A new engine with the same worker id takes the leases back at once, as after a process restart.
/// </summary>
internal sealed class LocalEngineHostedService(
    IServiceProvider services,
    LocalEngineOptions options,
    LocalEngineRegistrations registrations,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger<LocalEngineHostedService>();
    private readonly CancellationTokenSource stopping = new();
    private RunningEngine? engine;
    private Task watching = Task.CompletedTask;

    private sealed record RunningEngine(AzureStorageOrchestrationService Service, OutageTolerantOrchestrationService Storage, TaskHubWorker Worker);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        engine = await StartEngineAsync(cancellationToken);
        logger.LogInformation(
            "Local durable engine started: task hub {TaskHub}, worker {WorkerId}, {Partitions} partitions, {Orchestrators} orchestrators, {Activities} activities",
            options.TaskHubName, options.WorkerId, options.PartitionCount, registrations.Orchestrators.Count, registrations.Activities.Count);
        watching = WatchStorageAsync(stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await watching;
        if (engine is { } running)
        {
            engine = null;
            await StopEngineAsync(running, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        engine = null;
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<RunningEngine> StartEngineAsync(CancellationToken cancellationToken)
    {
        var service = LocalEngineServiceCollectionExtensions.CreateOrchestrationService(options, loggerFactory);
        try
        {
            // Queues, tables and lease blobs must exist before the client enqueues anything.
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

            var shims = new DurableTaskShimFactory(null, loggerFactory);
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            var orchestrations = new NameOnlyObjectManager<TaskOrchestration>();
            var activities = new NameOnlyObjectManager<TaskActivity>();
            foreach (var type in registrations.Orchestrators)
            {
                orchestrations.Add(new OrchestrationShimCreator(services, shims, type));
            }

            foreach (var type in registrations.Activities)
            {
                activities.Add(new ActivityShimCreator(scopes, shims, type));
            }

            var storage = new OutageTolerantOrchestrationService(service, loggerFactory.CreateLogger<OutageTolerantOrchestrationService>());
            var worker = new TaskHubWorker(storage, orchestrations, activities, loggerFactory)
            {
                // The shims and the client's FailureDetails expect structured failures, as in Durable Functions,
                // rather than exceptions serialized into the output.
                ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
            };
            await worker.StartAsync().WaitAsync(cancellationToken);
            return new RunningEngine(service, storage, worker);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    private async Task StopEngineAsync(RunningEngine running, CancellationToken cancellationToken)
    {
        // Forced: in-flight work items are abandoned, not awaited. Their messages reappear after
        // the visibility timeout and are replayed by the next engine, so nothing is lost.
        var stop = running.Worker.StopAsync(isForced: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownTimeout);
        try
        {
            await stop.WaitAsync(timeout.Token);
            running.Service.Dispose();
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Local durable engine did not stop within {Timeout}; leaving it behind", options.ShutdownTimeout);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Local durable engine failed while stopping");
        }
    }

    private async Task WatchStorageAsync(CancellationToken stoppingToken)
    {
        // No retries: the next probe is the retry. A slow answer is not an outage; only no answer at all is.
        var probe = new TableServiceClient(options.StorageConnectionString,
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        var storageWasAway = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.StorageProbeInterval, stoppingToken);
                var answered = await StorageAnswersAsync(probe, stoppingToken);
                if (answered is not true)
                {
                    storageWasAway |= answered is false;
                    continue;
                }

                if (storageWasAway || engine is null || engine.Storage.StorageWasUnreachable)
                {
                    var reason = storageWasAway ? "storage did not answer the probe"
                        : engine is null ? "the last renewal failed"
                        : "the engine found storage unreachable";
                    storageWasAway = false;
                    await RenewEngineAsync(reason, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage went away again while the engine was being renewed: the next answer from storage renews it.
                storageWasAway = true;
                logger.LogWarning(ex, "Could not renew the local durable engine; trying again when storage answers");
            }
        }
    }

    /// <summary>True when storage answered, false when it could not be reached at all, null when it was too slow to tell.</summary>
    private static async Task<bool?> StorageAnswersAsync(TableServiceClient probe, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in probe.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            {
                break;
            }
        }
        catch (Exception ex) when (StorageFailures.IsUnreachable(ex))
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            // An error answer is still an answer; status 0 is none (a timeout, handled below).
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Mostly a timeout: on a loaded machine storage can be slow without being away.
            return null;
        }

        return true;
    }

    private async Task RenewEngineAsync(string reason, CancellationToken cancellationToken)
    {
        if (engine is { } old)
        {
            logger.LogWarning("Storage answers again after an outage ({Reason}); renewing the local durable engine so that it lets go of what it held", reason);
            engine = null;
            await StopEngineAsync(old, cancellationToken);
        }

        engine = await StartEngineAsync(cancellationToken);
        logger.LogInformation("Local durable engine renewed: task hub {TaskHub}, worker {WorkerId}", options.TaskHubName, options.WorkerId);
    }
}
