namespace Humas.LocalHost.Engine;

/// <summary>Settings of the local durable engine (Azure Storage backend, usually Azurite).</summary>
public sealed class LocalEngineOptions
{
    public required string StorageConnectionString { get; init; }

    public string TaskHubName { get; init; } = "HumasHub";

    // Stable for a process slot, so that a restarted process takes its own partition leases back at once instead of
    // waiting for the leases of a "previous worker" to expire; unique across processes, since two processes with one id
    // would both believe they own every partition. See WorkerIdentity for the default.
    public required string WorkerId { get; init; }

    // Control queues, and so the most processes that share the orchestrations. Every process and the client must use
    // the same count: it decides which control queue an instance's messages go to (see docs/workers.md for a hub
    // created with another count).
    public int PartitionCount { get; init; } = 4;

    // Partition leases live in the engine's partition table ({TaskHub}Partitions). Each process reads it every acquire
    // interval, renewing its own leases to now + the lease interval and claiming free or expired ones, so the lease
    // interval must outlast a few acquire intervals. Together with the control-queue visibility timeout they bound how
    // soon the other processes carry on with the work of one that died. The engine's defaults.
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(10);

    // A control-queue message dequeued by a process that then died stays invisible this long;
    // it bounds how late an orchestration resumes after a crash. It must also outlast the wait of a message
    // fetched ahead into the buffer below: when it does not, the message comes back while its first copy is
    // still being worked on, and under load the engine spends itself on duplicates (seen at 1,000 submissions
    // with 20 s and the engine's defaults).
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    // Orchestration episodes worked on at once, and control messages fetched ahead of them. An episode mostly
    // waits on storage, so fewer than a few dozen starve throughput (8 gave 0.3 workflows/s against 0.8 with 100);
    // a hundred at once against one Azurite process on a small machine makes each one slower than the timeout above.
    public int MaxConcurrentOrchestrations { get; init; } = 16 * Environment.ProcessorCount;
    public int ControlQueueBufferThreshold { get; init; } = 64;

    // Same for an activity message whose process died mid-call (the Azure Storage default is 5 minutes).
    // Running activities renew their lock 30 s before it expires, so long activities stay safe.
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    // How often the engine asks whether storage answers. After it did not, the engine is renewed once it does again.
    public TimeSpan StorageProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    // Upper bound for stopping the worker so that host shutdown never hangs on in-flight work.
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
