using System.Text;
using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Media;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Humas.Workflow.Intake;

/// <summary>
/// Reads a multipart/form-data post: its fields within their limits, and each <c>media</c> file checked by its name and
/// first bytes, then streamed into the submission's media folder as it arrives, so a large file is never held in memory.
/// </summary>
public sealed class MultipartSubmissionReader(IOptions<HumasOptions> options, MediaStore media)
{
    /// <summary>The form has about a dozen fields and up to seven channels; far more is not a person filling it in.</summary>
    public const int MaxParts = 100;

    public async Task<SubmissionDraft> ReadAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            throw new IntakeRefused(400, "Content-Type", "Batas multipart tidak ada / missing multipart boundary");
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new SubmissionFields();
        var items = new List<MediaItem>();
        var consent = new List<MediaItem>();
        var captions = new List<CaptionUpload?>();
        try
        {
            await ReadSectionsAsync(reader, fields, items, consent, captions, id, ct);
        }
        catch (IntakeRefused refused)
        {
            refused.Fields ??= fields;
            throw;
        }
        return new SubmissionDraft(fields, items, consent.FirstOrDefault(), captions);
    }

    private async Task ReadSectionsAsync(
        MultipartReader reader, SubmissionFields fields, List<MediaItem> items, List<MediaItem> consent, List<CaptionUpload?> captions,
        string id, CancellationToken ct)
    {
        var limits = options.Value.Intake;
        var fieldBytes = 0L;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++parts > MaxParts)
                throw new IntakeRefused(400, "body", $"Paling banyak {MaxParts} bagian formulir / at most {MaxParts} form parts");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new IntakeRefused(400, "body", "Bagian multipart tanpa Content-Disposition form-data / a part lacks form-data disposition");
            var name = disposition.Name.Value ?? "";
            if (name.Equals(MediaDetails.Captions, StringComparison.OrdinalIgnoreCase))
            {
                captions.Add(await ReadCaptionsAsync(section, disposition, fields, captions.Count, ct));
                continue;
            }
            if (disposition.IsFileDisposition())
            {
                if (string.Equals(name, ConsentDocumentField, StringComparison.OrdinalIgnoreCase))
                {
                    if ((disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "").Length == 0) continue; // the form's empty file input
                    consent.Add(await StoreConsentAsync(id, disposition, section, consent.Count, limits.MaxFileBytes, ct));
                    continue;
                }
                if (!string.Equals(name, "media", StringComparison.OrdinalIgnoreCase))
                    throw new IntakeRefused(400, name, "Berkas harus dikirim sebagai 'media' / files go in the 'media' field");
                var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "";
                if (fileName.Length == 0)
                {
                    fields.MediaSlots.Add(false); // an empty file input in a browser form
                    continue;
                }
                if (MediaFileNames.Problem(fileName) is { } problem) throw new IntakeRefused(400, "media", problem);
                if (items.Count >= limits.MaxFiles)
                    throw new IntakeRefused(400, "media", $"Paling banyak {limits.MaxFiles} berkas / at most {limits.MaxFiles} files");
                items.Add(await StoreFileAsync(id, items.Count, fileName, section, limits.MaxFileBytes, ct));
                fields.MediaSlots.Add(true);
            }
            else if (name.Equals("media", StringComparison.OrdinalIgnoreCase) || name.Equals(ConsentDocumentField, StringComparison.OrdinalIgnoreCase))
            {
                // A file input left empty: the browser sends filename="", which is no file disposition. Its row's fields
                // come all the same, so its place is kept.
                if (name.Equals("media", StringComparison.OrdinalIgnoreCase)) fields.MediaSlots.Add(false);
                using var _ = await ReadFieldAsync(section, name, limits.MaxFieldLength * 4L, ct);
            }
            else
            {
                var max = limits.MaxFieldLength * 4L;
                using var text = await ReadFieldAsync(section, name, max, ct);
                fieldBytes += text.Length;
                if (fieldBytes > 4 * max) throw new IntakeRefused(413, "body", "Isian terlalu banyak / too much form data");
                fields.Add(name, Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
            }
        }
    }

    private static async Task<MemoryStream> ReadFieldAsync(MultipartSection section, string name, long max, CancellationToken ct)
    {
        var text = new MemoryStream();
        try
        {
            await new LimitedStream(section.Body, max).CopyToAsync(text, ct);
        }
        catch (LimitExceeded)
        {
            throw new IntakeRefused(413, name, "Isian terlalu panjang / field too long");
        }
        return text;
    }

    /// <summary>
    /// A caption file is small, so it is held whole until the checks pass (nothing is stored for a refused post); an
    /// empty part keeps its row's place. Its row is the media part of the same place, named as intake names files.
    /// </summary>
    private static async Task<CaptionUpload?> ReadCaptionsAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, SubmissionFields fields, int slot, CancellationToken ct)
    {
        var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "";
        var field = $"media[{fields.MediaSlots.Take(slot).Count(stored => stored)}].{MediaDetails.Captions}";
        var bytes = new MemoryStream();
        try
        {
            await new LimitedStream(section.Body, CaptionFiles.MaxBytes).CopyToAsync(bytes, ct);
        }
        catch (LimitExceeded)
        {
            throw new IntakeRefused(413, field, $"Berkas takarir paling besar {CaptionFiles.MaxBytes / 1024} KB / a caption file is at most {CaptionFiles.MaxBytes / 1024} KB");
        }
        if (bytes.Length == 0) return null; // the form's empty file input, whatever name a browser gives it
        if (fileName.Length == 0 || MediaFileNames.Problem(fileName) is not null)
            throw new IntakeRefused(400, field, "Berkas takarir perlu nama berkas .vtt atau .srt / the caption file needs a .vtt or .srt file name");
        return new CaptionUpload(MediaFileNames.Safe(fileName), bytes.ToArray());
    }

    /// <summary>The file field of a consent document: a PDF or an image, kept apart from the media.</summary>
    public const string ConsentDocumentField = "consentDocument";

    /// <summary>Its place in the folder, after any media a submission may have.</summary>
    private const int ConsentIndex = 99;

    /// <summary>
    /// A consent document is stored under the submission's folder beside the media but never among them: nothing public
    /// reads it, since the public media route serves only a published submission's own <see cref="Submission.Media"/>.
    /// </summary>
    private async Task<MediaItem> StoreConsentAsync(string id, ContentDispositionHeaderValue disposition, MultipartSection section, int count, long max, CancellationToken ct)
    {
        var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "";
        if (count > 0) throw new IntakeRefused(400, ConsentDocumentField, "Satu dokumen persetujuan saja / one consent document only");
        if (fileName.Length == 0 || MediaFileNames.Problem(fileName) is not null)
            throw new IntakeRefused(400, ConsentDocumentField, "Dokumen persetujuan perlu nama berkas yang sah / the consent document needs a proper file name");
        var safe = MediaFileNames.Safe(fileName);
        var ext = Path.GetExtension(safe).ToLowerInvariant();
        if (ext is not (".pdf" or ".jpg" or ".jpeg" or ".png"))
            throw new IntakeRefused(415, ConsentDocumentField, "Dokumen persetujuan berupa PDF, JPEG atau PNG / the consent document is a PDF, JPEG or PNG");
        return await StoreFileAsync(id, ConsentIndex, fileName, section, max, ct, ConsentDocumentField, "consent-");
    }

    /// <summary>The limit fails the read that passes it, before the excess is stored.</summary>
    private async Task<MediaItem> StoreFileAsync(
        string id, int index, string fileName, MultipartSection section, long max, CancellationToken ct, string field = "media", string prefix = "")
    {
        var safe = MediaFileNames.Safe(fileName);
        if (!MediaInspector.IsAllowedExtension(safe))
            throw new IntakeRefused(415, field,
                $"Jenis berkas '{safe}' tidak diterima / file type not accepted; allowed: {string.Join(", ", MediaInspector.AllowedExtensions)}");
        var head = new byte[MediaInspector.MarkupScanLength];
        var got = 0;
        while (got < head.Length && await section.Body.ReadAsync(head.AsMemory(got), ct) is var n and > 0) got += n;
        if (got == 0) throw new IntakeRefused(400, field, $"Berkas '{safe}' kosong / the file is empty");
        var contentType = MediaInspector.Inspect(safe, section.ContentType, head, got)
                          ?? throw new IntakeRefused(415, field,
                              $"Isi berkas '{safe}' tidak sesuai dengan nama atau jenisnya / the file's bytes are not what its name and type claim");
        if (MediaInspector.CarriesMarkup(head, got))
            throw new IntakeRefused(415, field, $"Berkas '{safe}' memuat HTML atau skrip / the file carries HTML or script besides its media");
        var blobName = MediaStore.BlobName(id, index, prefix + safe);
        var body = new LimitedStream(new PrefixedStream(head, got, section.Body), max);
        try
        {
            await media.UploadAsync(blobName, body, contentType, ct);
        }
        catch (Exception e) when (body.Exceeded || e.InnerException is LimitExceeded || e is LimitExceeded)
        {
            throw new IntakeRefused(413, field,
                $"Berkas '{safe}' lebih dari {max / (1024 * 1024)} MB / the file is larger than {max / (1024 * 1024)} MB; use /api/uploads for large media");
        }
        return new MediaItem(safe, contentType, body.Position, blobName);
    }
}
