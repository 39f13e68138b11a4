using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using ClientQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using ClientPurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;

namespace Humas.LocalHost.Engine;

/// <summary>
/// A <see cref="DurableTaskClient"/> over the client side of a DurableTask.Core orchestration service.
/// Payloads go through the same System.Text.Json converter the worker shims read them with;
/// DurableTask.Core's own TaskHubClient would write Newtonsoft JSON the shims cannot bind to records.
/// </summary>
public sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    // Starting an id that is still in flight must fail instead of silently replacing it.
    private static readonly OrchestrationStatus[] ActiveStatuses =
        [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.Suspended];

    private readonly IOrchestrationServiceClient client;
    private readonly DataConverter converter;

    public TaskHubDurableTaskClient(IOrchestrationServiceClient client, DataConverter? converter = null)
        : base("local")
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.converter = converter ?? JsonDataConverter.Default;
    }

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };

        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [];
        tags[OrchestrationTags.CreateTraceForNewOrchestration] = "true";
        tags[OrchestrationTags.RequestTime] = DateTimeOffset.UtcNow.ToString(CultureInfo.InvariantCulture);

        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.ToString() ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,
            },
        };

        try
        {
            await client.CreateTaskOrchestrationAsync(message, DedupeStatuses(options));
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            throw new InvalidOperationException(
                $"An orchestration with instance id '{instance.InstanceId}' already exists and is still active.", ex);
        }

        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);

        // Like Durable Functions, an event for an unknown or finished instance is dropped by the worker.
        return SendAsync(instanceId, new EventRaisedEvent(-1, converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive termination of sub-orchestrations is not supported by the local engine.");
        }

        cancellation.ThrowIfCancellationRequested();
        return client.ForceTerminateTaskOrchestrationAsync(instanceId, converter.Serialize(options?.Output));
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        var state = states?.FirstOrDefault(s => s is not null);
        return state?.ToMetadata(getInputsAndOutputs, converter);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(ClientQuery? filter = null)
    {
        var queryClient = client as IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException($"{client.GetType().Name} cannot query instances.");

        return Pageable.Create(async (string? continuation, int? pageSize, CancellationToken cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCore()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? ClientQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };

            var result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = result.OrchestrationState
                .Select(s => s.ToMetadata(query.FetchInputsAndOutputs, converter))
                .ToList();
            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollUntilAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollUntilAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override async Task<ClientPurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        RejectRecursivePurge(options);
        var current = await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation);
        if (current is null)
        {
            return new ClientPurgeResult(0);
        }

        if (!current.IsCompleted)
        {
            throw new InvalidOperationException(
                $"Only finished orchestrations can be purged; '{instanceId}' is {current.RuntimeStatus}.");
        }

        var result = await PurgeClient.PurgeInstanceStateAsync(instanceId);
        return new ClientPurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<ClientPurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RejectRecursivePurge(options);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            (filter.CreatedFrom ?? DateTimeOffset.MinValue).UtcDateTime,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => s.ToCore()));
        var result = await PurgeClient.PurgeInstanceStateAsync(coreFilter);
        return new ClientPurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<string> RestartAsync(
        string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var current = await GetInstancesAsync(instanceId, getInputsAndOutputs: true, cancellation)
            ?? throw new ArgumentException($"No orchestration with instance id '{instanceId}'.", nameof(instanceId));

        var instance = new OrchestrationInstance
        {
            InstanceId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
        };

        // The stored input is already serialized; re-serializing it would wrap it in a JSON string.
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, current.SerializedInput)
            {
                Name = current.Name,
                Version = string.Empty,
                OrchestrationInstance = instance,
            },
        };

        await client.CreateTaskOrchestrationAsync(message, ActiveStatuses);
        return instance.InstanceId;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IOrchestrationServicePurgeClient PurgeClient => client as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException($"{client.GetType().Name} cannot purge instances.");

    private static void RejectRecursivePurge(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive purge of sub-orchestrations is not supported by the local engine.");
        }
    }

    private static OrchestrationStatus[] DedupeStatuses(StartOrchestrationOptions? options)
    {
        var requested = options?.DedupeStatuses?.Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status)
            ? status.ToCore()
            : throw new ArgumentException($"Unknown orchestration status '{s}' in DedupeStatuses.", nameof(options)));
        return ActiveStatuses.Union(requested ?? []).ToArray();
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    // Polls the instance table; waiting also covers an id whose creation has not landed yet.
    private async Task<OrchestrationMetadata> PollUntilAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = MinPollInterval;
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is not null && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollInterval.Ticks));
        }
    }
}
