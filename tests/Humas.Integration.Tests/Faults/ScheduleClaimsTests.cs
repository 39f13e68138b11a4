using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Humas.Integration.Tests.Infrastructure;
using Humas.LocalHost.Schedules;
using Humas.Workflow.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// Scheduled jobs of several local host processes on one storage account: each occurrence runs once, whoever wakes
/// first; and when the process that claimed it dies before it is done, another one runs it.
/// </summary>
public sealed class ScheduleClaimsTests : IAsyncLifetime
{
    private AzuriteProcess azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    // One per process: separate clients, as two processes have.
    private ScheduleClaims Process() => new(
        new HumasStorage(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString)),
        NullLogger<ScheduleClaims>.Instance);

    [Fact]
    public async Task Processes_waking_together_run_each_occurrence_once()
    {
        var runs = 0;
        async Task Job(CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        var ran = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Process().RunOnceAsync("weekly-summary", "weekly-2026-W49", Job, default)));
        Assert.Equal(1, runs);
        Assert.Single(ran, r => r);

        Assert.False(await Process().RunOnceAsync("weekly-summary", "weekly-2026-W49", Job, default));
        Assert.False(await Process().RunOnceAsync("weekly-summary", "weekly-2026-W48", Job, default));
        Assert.True(await Process().RunOnceAsync("weekly-summary", "weekly-2026-W50", Job, default));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task An_occurrence_claimed_by_a_process_that_died_is_run_by_another()
    {
        var runs = 0;
        Task Job(CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }

        Assert.True(await Process().RunOnceAsync("upload-sweep", "20261201T0917", Job, default));
        // A process took the next occurrence's claim and died: its lease is never renewed nor released.
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ScheduleClaims.ContainerName).GetBlobClient("upload-sweep");
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));
        var started = DateTime.UtcNow;
        Assert.True(await Process().RunOnceAsync("upload-sweep", "20261201T1017", Job, default));
        Assert.Equal(2, runs);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40));
    }
}
