using System.Globalization;
using System.Text;
using System.Text.Json;
using Humas.Workflow.Http;
using Humas.Workflow.Media;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Humas.Workflow.Consents;

/// <summary>
/// Reads a consent to register from JSON or multipart/form-data (the signed document as the file field
/// <c>document</c>: a PDF, JPEG or PNG, streamed into private storage as it arrives), and names each bad field.
/// </summary>
public sealed class ConsentForm(MediaStore media)
{
    public const string DocumentField = "document";
    public const long DocumentLimit = 10 * 1024 * 1024;
    private const int FieldLimit = 64 * 1024;
    private const int MaxParts = 20;

    public static readonly string[] TextFields = ["person", "guardian", "schoolOrEvent", "signedOn", "validUntil"];

    /// <summary>The fields, the stored document if one was sent, and the errors; a caller that refuses deletes the document.</summary>
    public async Task<(Dictionary<string, string?> Fields, MediaItem? Document, IResult? Refused)> ReadAsync(HttpContext http, string id)
    {
        var request = http.Request;
        var ct = http.RequestAborted;
        var type = request.ContentType ?? "";
        if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return await MultipartAsync(request, id, ct);
        var (document, refused) = await JsonBody.ReadAsync(http, FieldLimit);
        if (refused is not null) return ([], null, refused);
        using (document)
        {
            if (document!.RootElement.ValueKind != JsonValueKind.Object)
                return ([], null, Problems.Field(400, "body", "Harus objek JSON / must be a JSON object"));
            var fields = new Dictionary<string, string?>();
            foreach (var name in TextFields)
            {
                if (!document.RootElement.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) continue;
                if (v.ValueKind != JsonValueKind.String) return ([], null, Problems.Field(400, name, "Harus teks / must be a string"));
                try
                {
                    fields[name] = v.GetString();
                }
                catch (InvalidOperationException)
                {
                    return ([], null, Problems.Field(400, name, "Teks tidak sah / not valid text"));
                }
            }
            if (document.RootElement.TryGetProperty(DocumentField, out _))
                return ([], null, Problems.Field(400, DocumentField, "Dokumen dikirim sebagai berkas multipart / send the document as a multipart file"));
            return (fields, null, null);
        }
    }

    private async Task<(Dictionary<string, string?>, MediaItem?, IResult?)> MultipartAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            return ([], null, Problems.Field(400, "Content-Type", "Batas multipart tidak ada / missing multipart boundary"));
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string?>();
        MediaItem? document = null;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (++parts > MaxParts) return await Refuse(document, "body", $"Paling banyak {MaxParts} bagian / at most {MaxParts} parts");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return await Refuse(document, "body", "Bagian multipart tanpa form-data / a part lacks form-data disposition");
                var name = disposition.Name.Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!name.Equals(DocumentField, StringComparison.OrdinalIgnoreCase))
                        return await Refuse(document, name.Length == 0 ? "body" : name[..Math.Min(name.Length, 40)], "Berkas tidak dikenal / unknown file field");
                    if (document is not null) return await Refuse(document, DocumentField, "Satu dokumen saja / one document only");
                    var (stored, problem) = await StoreAsync(id, disposition, section, ct);
                    if (problem is not null) return await Refuse(stored, DocumentField, problem);
                    document = stored;
                    continue;
                }
                var text = new MemoryStream();
                var limited = new LimitedStream(section.Body, 4000);
                try
                {
                    await limited.CopyToAsync(text, ct);
                }
                catch (LimitExceeded)
                {
                    return await Refuse(document, TextFields.Contains(name) ? name : "body", "Isian terlalu panjang / field too long");
                }
                if (!TextFields.Contains(name)) continue;
                var bytes = text.ToArray();
                if (!System.Text.Unicode.Utf8.IsValid(bytes)) return await Refuse(document, name, "Teks tidak sah / not valid text");
                if (fields.ContainsKey(name)) return await Refuse(document, name, "Sekali saja / once only");
                fields[name] = Encoding.UTF8.GetString(bytes);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return await Refuse(document, "body", "Permintaan tidak dapat dibaca / the request could not be read");
        }
        return (fields, document, null);
    }

    private async Task<(Dictionary<string, string?>, MediaItem?, IResult?)> Refuse(MediaItem? stored, string field, string reason)
    {
        if (stored is not null) await media.DeleteAsync(stored.BlobName, CancellationToken.None);
        return ([], null, Problems.Field(field == DocumentField && reason.Contains("MB") ? 413 : 400, field, reason));
    }

    /// <summary>The signed document, under the register's own folder: nothing public serves it.</summary>
    private async Task<(MediaItem?, string?)> StoreAsync(string id, ContentDispositionHeaderValue disposition, MultipartSection section, CancellationToken ct)
    {
        var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "";
        if (fileName.Length == 0 || MediaFileNames.Problem(fileName) is not null)
            return (null, "Dokumen perlu nama berkas yang sah / the document needs a proper file name");
        var safe = MediaFileNames.Safe(fileName);
        if (Path.GetExtension(safe).ToLowerInvariant() is not (".pdf" or ".jpg" or ".jpeg" or ".png"))
            return (null, "Dokumen berupa PDF, JPEG atau PNG / the document is a PDF, JPEG or PNG");
        var head = new byte[MediaInspector.MarkupScanLength];
        var got = 0;
        while (got < head.Length && await section.Body.ReadAsync(head.AsMemory(got), ct) is var n and > 0) got += n;
        if (got == 0) return (null, "Dokumen kosong / the document is empty");
        var contentType = MediaInspector.Inspect(safe, section.ContentType, head, got);
        if (contentType is null || MediaInspector.CarriesMarkup(head, got))
            return (null, "Isi dokumen tidak sesuai dengan nama atau jenisnya / the document's bytes are not what its name and type claim");
        var blobName = BlobName(id, safe);
        var body = new LimitedStream(new PrefixedStream(head, got, section.Body), DocumentLimit);
        try
        {
            await media.UploadAsync(blobName, body, contentType, ct);
        }
        catch (Exception e) when (body.Exceeded || e.InnerException is LimitExceeded || e is LimitExceeded)
        {
            await media.DeleteAsync(blobName, CancellationToken.None);
            return (null, $"Dokumen lebih dari {DocumentLimit / (1024 * 1024)} MB / the document is larger than {DocumentLimit / (1024 * 1024)} MB");
        }
        return (new MediaItem(safe, contentType, body.Position, blobName), null);
    }

    public static string BlobName(string id, string safeName) => $"consents/{id}/{safeName}";

    /// <summary>A date as yyyy-MM-dd, or a reason.</summary>
    public static DateOnly? Date(string? text, out string? problem)
    {
        problem = null;
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 2000) return day;
        problem = text is null ? "Wajib diisi / required" : "Tanggal yyyy-MM-dd, dari 2000 / a date as yyyy-MM-dd, from 2000";
        return null;
    }
}
