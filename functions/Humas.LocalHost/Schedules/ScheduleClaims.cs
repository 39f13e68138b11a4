using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Humas.Workflow.Storage;

namespace Humas.LocalHost.Schedules;

/// <summary>
/// Lets one local host process run each occurrence of a scheduled job when several share a storage account (./run
/// worker): every process wakes at the same moment, so without a claim each would send the weekly summary. The claim
/// is a blob lease on the job's blob, renewed while the job runs; the blob's metadata names the last occurrence done.
/// A process that finds the lease held waits, and runs the job itself only if the holder's lease lapsed without the
/// occurrence done (the holder died), so a crash costs a delay, not the run.
/// </summary>
internal sealed class ScheduleClaims(HumasStorage storage, ILogger<ScheduleClaims> logger)
{
    public const string ContainerName = "localhost-schedules";
    private const string DoneKey = "done";

    // Blob leases last 15 to 60 s; renewed every third of that, a slow storage answer does not lose it.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="run"/> for <paramref name="occurrence"/> of <paramref name="job"/> unless some process did
    /// already; true when this one ran it. Occurrences must sort in the order they happen (ordinal).
    /// </summary>
    public async Task<bool> RunOnceAsync(string job, string occurrence, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        var container = storage.Blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blob = container.GetBlobClient(job);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Made by an earlier run or another process.
        }

        var lease = blob.GetBlobLeaseClient();
        while (true)
        {
            if (await DoneAsync(blob, occurrence, ct)) return false;
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: ct);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                await Task.Delay(LookAgainAfter, ct);
            }
        }

        try
        {
            // The holder before this one may have finished between the look and the lease.
            if (await DoneAsync(blob, occurrence, ct)) return false;
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var renewal = RenewAsync(lease, job, renewing.Token);
            try
            {
                await run(ct);
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
            await blob.SetMetadataAsync(new Dictionary<string, string> { [DoneKey] = occurrence },
                new BlobRequestConditions { LeaseId = lease.LeaseId }, ct);
            return true;
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // It lapses by itself within a minute.
            }
        }
    }

    private static async Task<bool> DoneAsync(BlobClient blob, string occurrence, CancellationToken ct)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
        return properties.Value.Metadata.TryGetValue(DoneKey, out var done) && string.CompareOrdinal(done, occurrence) >= 0;
    }

    private async Task RenewAsync(BlobLeaseClient lease, string job, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, ct);
                await lease.RenewAsync(cancellationToken: ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException e)
            {
                // Another process may take the job over once the lease lapses; what the job does is safe to repeat.
                logger.LogWarning(e, "Could not renew the claim on {Job}", job);
            }
        }
    }
}
