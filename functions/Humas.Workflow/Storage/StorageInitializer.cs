using Microsoft.Extensions.Hosting;

namespace Humas.Workflow.Storage;

/// <summary>
/// Makes sure the app's tables and containers exist before the host serves requests: the local host
/// starts on an empty Azurite, and an Azure deployment may meet a table added after its infra was made.
/// </summary>
public sealed class StorageInitializer(HumasStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
