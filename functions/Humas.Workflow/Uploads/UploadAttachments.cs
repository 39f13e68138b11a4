using Humas.Workflow.Configuration;
using Humas.Workflow.Media;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Azure.Storage.Blobs.Models;
using Azure;

namespace Humas.Workflow.Uploads;

/// <summary>
/// Intake's side of direct uploads: checks each upload a submission names as strictly as a file in the form
/// post (it exists, it is whole, within the limit, its first bytes are what its name says), then copies it into
/// the submission's media folder, so the rest of the workflow sees media one way only.
/// </summary>
public sealed class UploadAttachments(UploadStore uploads, MediaStore media, IntakeOptions limits)
{
    public async Task<IReadOnlyList<CheckedUpload>> CheckAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var list = new List<CheckedUpload>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var found = await uploads.GetAsync(id, ct) ?? throw new UploadRefused(400, $"Unggahan '{id}' tidak dikenal / unknown upload '{id}'");
            var upload = found.Upload;
            if (upload.SubmissionId is not null)
                throw new UploadRefused(409, $"Unggahan '{upload.FileName}' sudah dipakai pengajuan lain / the upload already belongs to a submission");
            BlobProperties properties;
            try
            {
                properties = (await uploads.Blob(upload.BlobName).GetPropertiesAsync(cancellationToken: ct)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new UploadRefused(400, $"Unggahan '{upload.FileName}' belum selesai / the upload of '{upload.FileName}' is not finished");
            }
            if (properties.ContentLength > limits.MaxUploadBytes)
                throw new UploadRefused(413, $"Berkas '{upload.FileName}' lebih dari {limits.MaxUploadBytes / (1024 * 1024)} MB / the file is larger than {limits.MaxUploadBytes / (1024 * 1024)} MB");
            if (properties.ContentLength != upload.Size)
                throw new UploadRefused(400,
                    $"Unggahan '{upload.FileName}' belum lengkap ({properties.ContentLength} dari {upload.Size} byte) / the upload is incomplete ({properties.ContentLength} of {upload.Size} bytes)");
            var head = new byte[MediaInspector.SniffLength];
            var got = 0;
            var download = await uploads.Blob(upload.BlobName).DownloadStreamingAsync(new BlobDownloadOptions
            {
                Range = new HttpRange(0, head.Length), Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
            }, ct);
            await using (var stream = download.Value.Content)
                while (got < head.Length && await stream.ReadAsync(head.AsMemory(got), ct) is var n and > 0) got += n;
            var contentType = MediaInspector.Inspect(upload.FileName, upload.ContentType, head, got)
                              ?? throw new UploadRefused(415,
                                  $"Isi berkas '{upload.FileName}' tidak sesuai dengan nama atau jenisnya / the file's bytes are not what its name and type claim");
            list.Add(new CheckedUpload(upload, found.ETag, properties.ETag, contentType, properties.ContentLength));
        }
        return list;
    }

    /// <summary>
    /// Claims every upload for the submission and copies it under the submission's folder. The copy is
    /// conditional on the blob version that was checked, so bytes written after the check are not taken.
    /// </summary>
    public async Task<IReadOnlyList<MediaItem>> AttachAsync(string submissionId, int firstIndex, IReadOnlyList<CheckedUpload> checkedUploads, CancellationToken ct)
    {
        var items = new List<MediaItem>();
        foreach (var c in checkedUploads)
        {
            if (!await uploads.ClaimAsync(c.Upload, c.ETag, submissionId, ct))
                throw new UploadRefused(409, $"Unggahan '{c.Upload.FileName}' sudah dipakai pengajuan lain / the upload already belongs to a submission");
            var blobName = MediaStore.BlobName(submissionId, firstIndex + items.Count, c.Upload.FileName);
            var target = media.Blob(blobName);
            try
            {
                var copy = await target.StartCopyFromUriAsync(uploads.Blob(c.Upload.BlobName).Uri, new BlobCopyFromUriOptions
                {
                    SourceConditions = new BlobRequestConditions { IfMatch = c.BlobETag },
                }, ct);
                await copy.WaitForCompletionAsync(ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                throw new UploadRefused(409, $"Unggahan '{c.Upload.FileName}' berubah saat diperiksa / the upload changed while it was checked; send it again");
            }
            await target.SetHttpHeadersAsync(new BlobHttpHeaders { ContentType = c.ContentType }, cancellationToken: ct);
            items.Add(new MediaItem(c.Upload.FileName, c.ContentType, c.Size, blobName));
        }
        return items;
    }

    /// <summary>Gives the uploads back, so the submitter can name them again after correcting the form.</summary>
    public async Task ReleaseAsync(string submissionId, IReadOnlyList<CheckedUpload> checkedUploads)
    {
        foreach (var c in checkedUploads) await uploads.ReleaseAsync(c.Upload.Id, submissionId, CancellationToken.None);
    }

    /// <summary>The submission has its own copies now; the originals go (their rows stay until the sweep, as a record).</summary>
    public async Task DiscardOriginalsAsync(IReadOnlyList<CheckedUpload> checkedUploads)
    {
        foreach (var c in checkedUploads) await uploads.DeleteBlobAsync(c.Upload, CancellationToken.None);
    }
}
