using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Uploads;

/// <summary>Pending uploads: one table row each, and the blob the browser writes in the uploads container.</summary>
public sealed partial class UploadStore(HumasStorage storage, MediaStore media)
{
    private const string RowKey = "upload";

    private TableClient Table => storage.Table(HumasStorage.UploadsTable);

    /// <summary>128 random bits after the date: the id is the only thing that lets a submission take the upload.</summary>
    public static string NewId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}";

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    public BlobClient Blob(string blobName) => storage.Uploads.GetBlobClient(blobName);

    public async Task AddAsync(PendingUpload upload, CancellationToken ct) =>
        await Table.AddEntityAsync(ToRow(upload), ct);

    public async Task<(PendingUpload Upload, ETag ETag)?> GetAsync(string id, CancellationToken ct)
    {
        if (!IsWellFormed(id)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, RowKey, cancellationToken: ct);
        return row.HasValue ? (FromRow(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Marks the upload as the submission's; false when another writer changed the row first.</summary>
    public async Task<bool> ClaimAsync(PendingUpload upload, ETag etag, string submissionId, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(ToRow(upload with { SubmissionId = submissionId }), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Gives an upload back when the submission that claimed it was refused after all.</summary>
    public async Task ReleaseAsync(string id, string submissionId, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } found || found.Upload.SubmissionId != submissionId) return;
        await Table.UpdateEntityAsync(ToRow(found.Upload with { SubmissionId = null }), found.ETag, TableUpdateMode.Replace, ct);
    }

    /// <summary>A link that can create and write this one blob and nothing else: no read, no list, no other blob.</summary>
    public Task<Uri> WriteLinkAsync(PendingUpload upload, DateTimeOffset expires, CancellationToken ct) =>
        media.LinkAsync(Blob(upload.BlobName), BlobSasPermissions.Create | BlobSasPermissions.Write, expires, ct);

    public async Task DeleteBlobAsync(PendingUpload upload, CancellationToken ct) =>
        await storage.Uploads.DeleteBlobIfExistsAsync(upload.BlobName, Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    /// <summary>Removes the blob first, then the row, so a sweep that dies halfway is finished by the next one.</summary>
    public async Task RemoveAsync(PendingUpload upload, CancellationToken ct)
    {
        await DeleteBlobAsync(upload, ct);
        await Table.DeleteEntityAsync(upload.Id, RowKey, ETag.All, ct);
    }

    public async IAsyncEnumerable<PendingUpload> CreatedBeforeAsync(
        DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"CreatedAt lt {cutoff}"), cancellationToken: ct))
            yield return FromRow(row);
    }

    private static TableEntity ToRow(PendingUpload u) => new(u.Id, RowKey)
    {
        ["FileName"] = u.FileName, ["ContentType"] = u.ContentType, ["Size"] = u.Size, ["BlobName"] = u.BlobName,
        ["CreatedAt"] = u.CreatedAt, ["SubmissionId"] = u.SubmissionId,
    };

    private static PendingUpload FromRow(TableEntity row) => new(
        row.PartitionKey, row.GetString("FileName"), row.GetString("ContentType"), row.GetInt64("Size") ?? 0,
        row.GetString("BlobName"), row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, row.GetString("SubmissionId"));

    [GeneratedRegex("^[0-9]{8}-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
