using Humas.LocalHost.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// The local host's engine (the same TaskHubWorker over the same Azure Storage provider, with the same settings),
/// in this process on its own task hub, running only <see cref="BareWorkflow"/>.
/// </summary>
public sealed class BareEngine(IHost host) : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    private readonly DurableTaskClient client = host.Services.GetRequiredService<DurableTaskClient>();
    private readonly BareSignals signals = host.Services.GetRequiredService<BareSignals>();

    public static async Task<BareEngine> StartAsync(string storageConnectionString, string taskHub)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<BareSignals>();
        builder.Services.AddLocalDurableEngine(
            new LocalEngineOptions { StorageConnectionString = storageConnectionString, TaskHubName = taskHub, WorkerId = "benchmark-" + taskHub },
            [typeof(BareWorkflow)], [typeof(BareStep)]);
        var host = builder.Build();
        await host.StartAsync();
        return new BareEngine(host);
    }

    /// <summary>Starts one bare orchestration, raises each event when it is announced, and returns when the last activity ran.</summary>
    public async Task RunAsync(string instanceId, WorkflowShape shape)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(BareWorkflow), shape, new StartOrchestrationOptions(instanceId));
        for (var i = 0; i < shape.Steps.Count; i++)
        {
            if (shape.Steps[i].Kind != ShapeStep.Wait) continue;
            await signals.WaitAsync(instanceId, BareSignals.WaitAt(i), StepTimeout);
            await client.RaiseEventAsync(instanceId, shape.Steps[i].Name, "accept");
        }
        await signals.WaitAsync(instanceId, BareSignals.Done, StepTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
