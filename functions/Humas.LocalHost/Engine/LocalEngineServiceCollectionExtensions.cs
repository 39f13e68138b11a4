using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Humas.LocalHost.Engine;

public static class LocalEngineServiceCollectionExtensions
{
    /// <summary>
    /// Runs <paramref name="orchestrators"/> and <paramref name="activities"/> (each registered under its class name)
    /// on DurableTask.Core over Azure Storage, and registers a <see cref="DurableTaskClient"/> for that task hub.
    /// </summary>
    public static IServiceCollection AddLocalDurableEngine(
        this IServiceCollection services,
        LocalEngineOptions options,
        IEnumerable<Type> orchestrators,
        IEnumerable<Type> activities)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StorageConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PartitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PartitionCount, 16);
        ArgumentNullException.ThrowIfNull(orchestrators);
        ArgumentNullException.ThrowIfNull(activities);

        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(new LocalEngineRegistrations(orchestrators, activities));
        // The client has an orchestration service of its own, never started as a worker: the worker's is replaced after
        // a storage outage (see LocalEngineHostedService), and the client side keeps no state that such an outage spoils.
        services.AddSingleton(sp => CreateOrchestrationService(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableTaskClient>(sp =>
            new TaskHubDurableTaskClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        services.AddHostedService<LocalEngineHostedService>();
        return services;
    }

    internal static AzureStorageOrchestrationService CreateOrchestrationService(LocalEngineOptions options, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            PartitionCount = options.PartitionCount,
            WorkerId = options.WorkerId,
            // Said outright, since the option's own documentation gives another default than the one 2.11.2 runs with:
            // leases are rows of the partition table, not blobs, so there is no leases container and no taskhub.json.
            UseTablePartitionManagement = true,
            LeaseInterval = options.LeaseInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
            LoggerFactory = loggerFactory,

            // Without it, starting an id whose status is in the dedupe list is silently dropped,
            // and the caller believes it started a new instance.
            ThrowExceptionOnInvalidDedupeStatus = true,
        });
}
