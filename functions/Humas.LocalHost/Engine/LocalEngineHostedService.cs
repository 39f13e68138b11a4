using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.LocalHost.Engine;

/// <summary>Creates the task hub and runs the orchestrations and activities on a <see cref="TaskHubWorker"/>.</summary>
internal sealed class LocalEngineHostedService(
    IServiceProvider services,
    AzureStorageOrchestrationService orchestrationService,
    LocalEngineOptions options,
    LocalEngineRegistrations registrations,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger<LocalEngineHostedService>();
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Queues, tables and lease blobs must exist before the client enqueues anything.
        await orchestrationService.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

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

        var engine = new OutageTolerantOrchestrationService(orchestrationService, loggerFactory.CreateLogger<OutageTolerantOrchestrationService>());
        worker = new TaskHubWorker(engine, orchestrations, activities, loggerFactory)
        {
            // The shims and the client's FailureDetails expect structured failures, as in Durable Functions,
            // rather than exceptions serialized into the output.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await worker.StartAsync().WaitAsync(cancellationToken);
        logger.LogInformation(
            "Local durable engine started: task hub {TaskHub}, worker {WorkerId}, {Orchestrators} orchestrators, {Activities} activities",
            options.TaskHubName, options.WorkerId, registrations.Orchestrators.Count, registrations.Activities.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is null)
        {
            return;
        }

        // Forced: in-flight work items are abandoned, not awaited. Their messages reappear after
        // the visibility timeout and are replayed on the next start, so nothing is lost.
        var stop = worker.StopAsync(isForced: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownTimeout);
        try
        {
            await stop.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Local durable engine did not stop within {Timeout}; leaving it behind", options.ShutdownTimeout);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Local durable engine failed while stopping");
        }

        worker = null;
    }

    public ValueTask DisposeAsync()
    {
        // The orchestration service is a container singleton and is disposed by the container.
        worker = null;
        return ValueTask.CompletedTask;
    }
}
