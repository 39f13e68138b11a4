using System.Text.Json;
using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Media;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Uploads;

/// <summary>
/// POST /api/uploads: checks what the browser says it will send and answers a link that can write only that
/// blob, for minutes (the valet-key pattern), so a video of hundreds of megabytes never passes through the app.
/// Sent again with its <c>uploadId</c>, it renews the link of an unfinished upload of the same file.
/// </summary>
public sealed class UploadHandler(UploadStore uploads, IOptions<HumasOptions> options, TimeProvider clock, ILogger<UploadHandler> logger)
{
    private const int JsonLimit = 16 * 1024;

    /// <summary>The block size the page uploads in: small enough to retry cheaply on a poor connection.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        var request = http.Request;
        var ct = http.RequestAborted;
        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problems.Field(415, "Content-Type", "Kirim application/json / send application/json");
        if (request.ContentLength > JsonLimit) return Problems.Field(413, "body", "JSON paling besar 16 KB / at most 16 KB");

        Declared declared;
        try
        {
            using var doc = await JsonDocument.ParseAsync(new LimitedStream(request.Body, JsonLimit), new JsonDocumentOptions { MaxDepth = 4 }, ct);
            declared = Declared.From(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or LimitExceeded or InvalidOperationException)
        {
            return Problems.Field(e is LimitExceeded ? 413 : 400, "body", "JSON tidak valid / invalid JSON");
        }

        var limits = options.Value.Intake;
        var (status, errors) = Check(declared, limits.MaxUploadBytes);
        if (errors.Count > 0) return Problems.Validation(errors, status);

        var now = clock.GetUtcNow();
        var expires = now + limits.UploadLinkLifetime;
        var safe = MediaFileNames.Safe(declared.FileName!);
        PendingUpload upload;
        var created = declared.UploadId is null;
        if (created)
        {
            var id = UploadStore.NewId(now);
            upload = new PendingUpload(id, safe, declared.ContentType!, declared.Size!.Value, $"{id}/{safe}", now);
            await uploads.AddAsync(upload, ct);
            logger.LogInformation("Upload {Id} opened for {Name} ({Size} bytes)", id, safe, upload.Size);
        }
        else
        {
            var found = await uploads.GetAsync(declared.UploadId!, ct);
            if (found is null) return Problems.Field(404, "uploadId", "Unggahan tidak ditemukan / no such upload");
            upload = found.Value.Upload;
            if (upload.SubmissionId is not null)
                return Problems.Field(409, "uploadId", "Unggahan sudah dipakai pengajuan / the upload already belongs to a submission");
            if (upload.FileName != safe || upload.Size != declared.Size)
                return Problems.Field(409, "uploadId", "Unggahan ini untuk berkas lain / the upload is for another file");
        }

        var link = await uploads.WriteLinkAsync(upload, expires, ct);
        return Results.Json(new { uploadId = upload.Id, uploadUrl = link.ToString(), expiresAt = expires, blockSize = BlockBytes },
            SubmissionJson.Options, statusCode: created ? 201 : 200);
    }

    private static (int Status, Dictionary<string, string[]> Errors) Check(Declared d, long maxBytes)
    {
        // The most basic kind of fault is answered first: a missing field (400) before a refused type (415) or size (413).
        var missing = new Dictionary<string, string[]>();
        foreach (var (field, reason) in d.TypeErrors) missing[field] = [reason];
        if (string.IsNullOrWhiteSpace(d.FileName)) missing.TryAdd("fileName", ["Nama berkas wajib diisi / fileName is required"]);
        if (string.IsNullOrWhiteSpace(d.ContentType)) missing.TryAdd("contentType", ["Jenis berkas wajib diisi / contentType is required"]);
        if (d.FileName is { } name && MediaFileNames.Problem(name) is { } badName) missing.TryAdd("fileName", [badName]);
        if (d.Size is null) missing.TryAdd("size", ["Ukuran wajib diisi / size is required"]);
        else if (d.Size <= 0) missing.TryAdd("size", ["Ukuran harus lebih dari 0 / size must be more than 0"]);
        if (d.UploadId is not null && !UploadStore.IsWellFormed(d.UploadId)) missing.TryAdd("uploadId", ["Id unggahan tidak valid / not an upload id"]);
        if (missing.Count > 0) return (400, missing);

        var safe = MediaFileNames.Safe(d.FileName!);
        if (!MediaInspector.IsAllowedExtension(safe))
            return (415, new() { ["fileName"] = [$"Jenis berkas '{safe}' tidak diterima / file type not accepted; allowed: {string.Join(", ", MediaInspector.AllowedExtensions)}"] });
        if (!MediaInspector.FitsDeclaredType(safe, d.ContentType))
            return (415, new() { ["contentType"] = [$"'{d.ContentType}' tidak sesuai dengan '{safe}' / does not match the file name"] });
        if (d.Size > maxBytes)
            return (413, new() { ["size"] = [$"Berkas lebih dari {maxBytes / (1024 * 1024)} MB / the file is larger than {maxBytes / (1024 * 1024)} MB"] });
        return (200, []);
    }

    private sealed record Declared(string? FileName, string? ContentType, long? Size, string? UploadId, Dictionary<string, string> TypeErrors)
    {
        public static Declared From(JsonElement root)
        {
            var errors = new Dictionary<string, string>();
            if (root.ValueKind != JsonValueKind.Object)
                return new Declared(null, null, null, null, new() { ["body"] = "Harus objek JSON / must be a JSON object" });
            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
                if (v.ValueKind == JsonValueKind.String) return v.GetString();
                errors[name] = $"Harus teks / must be a string, not {v.ValueKind}";
                return null;
            }
            long? size = null;
            if (root.TryGetProperty("size", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n)) size = n;
                else errors["size"] = "Harus bilangan bulat byte / must be a whole number of bytes";
            }
            return new Declared(Text("fileName"), Text("contentType"), size, Text("uploadId"), errors);
        }
    }
}
