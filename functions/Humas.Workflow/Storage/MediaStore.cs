using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Humas.Workflow.Storage;

/// <summary>Media blobs, one folder per submission.</summary>
public sealed class MediaStore(HumasStorage storage)
{
    public static string BlobName(string submissionId, int index, string safeName) => $"{submissionId}/{index:D2}-{safeName}";

    public BlobClient Blob(string name) => storage.Media.GetBlobClient(name);

    public async Task UploadAsync(string blobName, Stream content, string contentType, CancellationToken ct)
    {
        await Blob(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // Blocks of 4 MiB, two at a time: a large video never sits whole in memory.
            TransferOptions = new Azure.Storage.StorageTransferOptions
            {
                InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024, MaximumConcurrency = 2,
            },
        }, ct);
    }

    public async Task DeleteAsync(string blobName, CancellationToken ct = default) =>
        await storage.Media.DeleteBlobIfExistsAsync(blobName, cancellationToken: ct);

    public async Task DeleteFolderAsync(string submissionId, CancellationToken ct = default)
    {
        await foreach (var blob in storage.Media.GetBlobsAsync(BlobTraits.None, BlobStates.None, submissionId + "/", ct))
            await storage.Media.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct);
    }

    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken ct)
    {
        try
        {
            return await Blob(blobName).OpenReadAsync(new BlobOpenReadOptions(false), ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A read link valid for minutes: a shared-key SAS locally, a user-delegation SAS with an identity.</summary>
    public Task<Uri> ReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken ct = default) =>
        LinkAsync(Blob(blobName), BlobSasPermissions.Read, DateTimeOffset.UtcNow + lifetime, ct);

    /// <summary>A SAS link to one blob with only the given permissions.</summary>
    public async Task<Uri> LinkAsync(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expires, CancellationToken ct = default)
    {
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(permissions, expires);
        var key = await storage.Blobs.GetUserDelegationKeyAsync(DateTimeOffset.UtcNow.AddMinutes(-5), expires, ct);
        var sas = new BlobSasBuilder(permissions, expires)
        {
            BlobContainerName = blob.BlobContainerName, BlobName = blob.Name, Resource = "b",
        };
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, storage.Blobs.AccountName) }.ToUri();
    }
}
