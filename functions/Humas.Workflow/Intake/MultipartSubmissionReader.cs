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
        try
        {
            await ReadSectionsAsync(reader, fields, items, id, ct);
        }
        catch (IntakeRefused refused)
        {
            refused.Fields ??= fields;
            throw;
        }
        return new SubmissionDraft(fields, items);
    }

    private async Task ReadSectionsAsync(MultipartReader reader, SubmissionFields fields, List<MediaItem> items, string id, CancellationToken ct)
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
            if (disposition.IsFileDisposition())
            {
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

    /// <summary>The limit fails the read that passes it, before the excess is stored.</summary>
    private async Task<MediaItem> StoreFileAsync(string id, int index, string fileName, MultipartSection section, long max, CancellationToken ct)
    {
        var safe = MediaFileNames.Safe(fileName);
        if (!MediaInspector.IsAllowedExtension(safe))
            throw new IntakeRefused(415, "media",
                $"Jenis berkas '{safe}' tidak diterima / file type not accepted; allowed: {string.Join(", ", MediaInspector.AllowedExtensions)}");
        var head = new byte[MediaInspector.MarkupScanLength];
        var got = 0;
        while (got < head.Length && await section.Body.ReadAsync(head.AsMemory(got), ct) is var n and > 0) got += n;
        if (got == 0) throw new IntakeRefused(400, "media", $"Berkas '{safe}' kosong / the file is empty");
        var contentType = MediaInspector.Inspect(safe, section.ContentType, head, got)
                          ?? throw new IntakeRefused(415, "media",
                              $"Isi berkas '{safe}' tidak sesuai dengan nama atau jenisnya / the file's bytes are not what its name and type claim");
        if (MediaInspector.CarriesMarkup(head, got))
            throw new IntakeRefused(415, "media", $"Berkas '{safe}' memuat HTML atau skrip / the file carries HTML or script besides its media");
        var blobName = MediaStore.BlobName(id, index, safe);
        var body = new LimitedStream(new PrefixedStream(head, got, section.Body), max);
        try
        {
            await media.UploadAsync(blobName, body, contentType, ct);
        }
        catch (Exception e) when (body.Exceeded || e.InnerException is LimitExceeded || e is LimitExceeded)
        {
            throw new IntakeRefused(413, "media",
                $"Berkas '{safe}' lebih dari {max / (1024 * 1024)} MB / the file is larger than {max / (1024 * 1024)} MB; use /api/uploads for large media");
        }
        return new MediaItem(safe, contentType, body.Position, blobName);
    }
}
