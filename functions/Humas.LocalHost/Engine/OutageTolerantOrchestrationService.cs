using System.Collections;
using System.Reflection;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace Humas.LocalHost.Engine;

/// <summary>
/// The Azure Storage engine as the worker sees it, with one repair. When storage is away while an activity runs, the
/// engine can neither complete nor abandon the activity's message, and it keeps the message in its set of activities
/// in progress; once storage is back and the message shows again, the engine refuses it as "processed multiple times
/// concurrently", every time, and the submission waits forever (seen with Azurite stopped for 10 s). Here a failed
/// abandon also forgets the activity, so that the message, visible again when its lock runs out, is run again: an
/// activity runs at least once anyway, and ours are idempotent. It also remembers whether a call found storage
/// unreachable, so that <see cref="LocalEngineHostedService"/> can replace the engine once storage is back: the
/// engine's orchestration sessions can stay held in the same way, and those cannot be released from outside.
/// Everything else is the engine's own.
/// </summary>
internal sealed class OutageTolerantOrchestrationService(AzureStorageOrchestrationService inner, ILogger logger) : IOrchestrationService
{
    // DurableTask.AzureStorage 2.11.2 (pinned in Directory.Packages.props) keeps the activities in progress here; the
    // check at start makes an upgrade that renames it fail on the first run, not on the first outage.
    private static readonly FieldInfo ActivitiesInProgressField =
        typeof(AzureStorageOrchestrationService).GetField("activeActivitySessions", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("DurableTask.AzureStorage no longer has activeActivitySessions; review OutageTolerantOrchestrationService.");

    private readonly IDictionary activitiesInProgress = ActivitiesInProgressField.GetValue(inner) as IDictionary
        ?? throw new InvalidOperationException("activeActivitySessions is not a dictionary; review OutageTolerantOrchestrationService.");

    private int storageWasUnreachable;

    /// <summary>Whether a call to storage got no answer since this engine started.</summary>
    public bool StorageWasUnreachable => Volatile.Read(ref storageWasUnreachable) == 1;

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await inner.AbandonTaskActivityWorkItemAsync(workItem);
        }
        catch (Exception e)
        {
            Notice(e);
            activitiesInProgress.Remove(workItem.Id);
            logger.LogWarning(e, "Could not hand back activity message {Id} ({Name}); it runs again when its lock runs out",
                workItem.Id, (workItem.TaskMessage?.Event as DurableTask.Core.History.TaskScheduledEvent)?.Name);
        }
    }

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => inner.StartAsync();
    public Task StopAsync() => inner.StopAsync();
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        Noticing(inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState));
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        Noticing(inner.AbandonTaskOrchestrationWorkItemAsync(workItem));
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        Noticing(inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage));

    private async Task Noticing(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception e)
        {
            Notice(e);
            throw;
        }
    }

    private void Notice(Exception e)
    {
        if (StorageFailures.IsUnreachable(e))
        {
            Volatile.Write(ref storageWasUnreachable, 1);
        }
    }
}
