using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Humas.Workflow.Intake;

/// <summary>
/// POST /api/submissions: validates, streams media to Blob Storage, writes the record and its first
/// history row, and starts the workflow under the submission's id. A refused request leaves nothing behind.
/// </summary>
public sealed class IntakeHandler(
    UnitProfile unit, IOptions<HumasOptions> options, SubmissionStore store, MediaStore media, HumasStorage storage,
    UploadAttachments attachments, FormPage form, Links.Links links, TimeProvider clock, ILogger<IntakeHandler> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int JsonLimit = 1024 * 1024;

    /// <summary>The form has about a dozen fields and up to seven channels; far more is not a person filling it in.</summary>
    public const int MaxParts = 100;

    private const int FileNameMax = 255;

    public async Task<IResult> SubmitAsync(HttpContext http, DurableTaskClient client)
    {
        var request = http.Request;
        var ct = http.RequestAborted;
        var id = NewId(clock.GetUtcNow());
        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 200) return Problems.Field(400, IdempotencyHeader, "Paling banyak 200 karakter / at most 200 characters");

        Parsed parsed;
        try
        {
            parsed = await ReadAsync(request, id, ct);
        }
        catch (IntakeRefused refused)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, refused.Fields, refused.Status, Errors(refused.Field, refused.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            if (e is BadHttpRequestException { StatusCode: 413 })
                return Refuse(request, null, 413, Errors("media", "Permintaan terlalu besar / the request is too large"));
            return Refuse(request, null, 400, Errors("body", $"Permintaan tidak dapat dibaca / the request could not be read: {e.Message}"));
        }

        var now = clock.GetUtcNow();
        FormPage.TakeWibPublishTime(parsed.Fields);
        var content = new SubmissionValidator(unit, options.Value.Intake).Validate(parsed.Fields, now, out var errors);
        var uploadIds = parsed.Fields.Many("uploads");
        if (parsed.Media.Count + uploadIds.Count > options.Value.Intake.MaxFiles)
            errors["uploads"] = [$"Paling banyak {options.Value.Intake.MaxFiles} berkas / at most {options.Value.Intake.MaxFiles} files"];
        if (content is null || errors.Count > 0)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, parsed.Fields, 400, errors);
        }

        IReadOnlyList<CheckedUpload> named;
        try
        {
            named = await attachments.CheckAsync(uploadIds, ct);
        }
        catch (UploadRefused refused)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, parsed.Fields, refused.Status, Errors("uploads", refused.Message));
        }

        if (key.Length > 0)
        {
            var existing = await ClaimIdempotencyKeyAsync(key, id, ct);
            if (existing is not null)
            {
                await media.DeleteFolderAsync(id, CancellationToken.None);
                await EnsureStartedAsync(client, existing, ct);
                return Accepted(request, existing);
            }
        }

        IReadOnlyList<MediaItem> attached;
        try
        {
            attached = await attachments.AttachAsync(id, parsed.Media.Count, named, ct);
        }
        catch (UploadRefused refused)
        {
            await attachments.ReleaseAsync(id, named);
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, parsed.Fields, refused.Status, Errors("uploads", refused.Message));
        }

        var submission = new Submission
        {
            Id = id, Content = content, Media = [.. parsed.Media, .. attached], Status = SubmissionStatus.Submitted, CreatedAt = now, UpdatedAt = now,
            WorkflowVersion = WorkflowVersions.Current,
        };
        await store.CreateAsync(submission, new HistoryEntry
        {
            Step = 0, At = now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted,
            Actor = content.SubmitterName ?? content.SubmitterEmail,
        }, ct);
        try
        {
            await StartAsync(client, submission, ct);
        }
        catch (Exception e) when (key.Length == 0)
        {
            // Without a key the client cannot retry into this record, so take it back rather than leave an orphan.
            logger.LogError(e, "Could not start the workflow for {Id}", id);
            await store.DeleteAsync(id, CancellationToken.None);
            await media.DeleteFolderAsync(id, CancellationToken.None);
            await attachments.ReleaseAsync(id, named);
            return Problems.Status(503, "Layanan sedang sibuk / the service is busy", "Nothing was stored; please try again.");
        }
        await attachments.DiscardOriginalsAsync(named);
        logger.LogInformation("Accepted submission {Id} ({Type}, {Media} media)", id, content.ContentType, submission.Media.Count);
        return Accepted(request, submission);
    }

    private static Dictionary<string, string[]> Errors(string field, string reason) => new() { [field] = [reason] };

    /// <summary>A browser's form post gets its form back with the messages beside the fields; anything else problem+json.</summary>
    private IResult Refuse(HttpRequest request, SubmissionFields? fields, int status, IDictionary<string, string[]> errors) =>
        Problems.WantsHtml(request) && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? form.Render(request, fields, errors, status)
            : Problems.Validation(errors, status);

    private IResult Accepted(HttpRequest request, Submission s)
    {
        var tracking = links.Track(s);
        if (Problems.WantsHtml(request) && !request.Headers.Accept.ToString().Contains("application/json"))
            return new SeeOther(tracking);
        return new WithLocation(Results.Json(new { id = s.Id, status = s.Status.ToString(), trackingUrl = tracking },
            SubmissionJson.Options, statusCode: 202), tracking);
    }

    /// <summary>
    /// Starts the workflow of a submission this request has just stored. Its id is new, so the engine is not asked
    /// first (it reads the instance itself while creating it); only a start that fails asks, since a retry under the
    /// same key may have started it in between.
    /// </summary>
    private async Task StartAsync(DurableTaskClient client, Submission s, CancellationToken ct)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
                WorkflowStart.Input(s, options.Value.Workflow), WorkflowStart.Options(s.Id), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(s.Id, CancellationToken.None) is null) throw;
        }
    }

    /// <summary>Starts the workflow unless it already exists; a retried request heals a start that never happened.</summary>
    private async Task EnsureStartedAsync(DurableTaskClient client, Submission s, CancellationToken ct)
    {
        if (await client.GetInstanceAsync(s.Id, ct) is not null) return;
        await StartAsync(client, s, ct);
    }

    /// <summary>Records that a key belongs to this new submission, or answers the submission it already belongs to.</summary>
    private async Task<Submission?> ClaimIdempotencyKeyAsync(string key, string id, CancellationToken ct)
    {
        var table = storage.Table(HumasStorage.IdempotencyTable);
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        try
        {
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity(partition, "") { ["SubmissionId"] = id }, ct);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(partition, "", cancellationToken: ct);
            var earlier = await store.GetAsync(row.Value.GetString("SubmissionId"), ct);
            if (earlier is not null) return earlier;
            // The earlier request died before its record was written: this one takes the key over.
            row.Value["SubmissionId"] = id;
            await table.UpdateEntityAsync(row.Value, row.Value.ETag, cancellationToken: ct);
            return null;
        }
    }

    private sealed record Parsed(SubmissionFields Fields, IReadOnlyList<MediaItem> Media);

    private sealed class IntakeRefused(int status, string field, string reason) : Exception(reason)
    {
        public int Status { get; } = status;
        public string Field { get; } = field;

        /// <summary>What was read before the refusal, so a browser gets its form back with those values.</summary>
        public SubmissionFields? Fields { get; set; }
    }

    private async Task<Parsed> ReadAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return await ReadMultipartAsync(request, id, ct);
        if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ct);
            var fields = new SubmissionFields();
            foreach (var (name, values) in form)
                foreach (var v in values) fields.Add(name, v ?? "");
            return new Parsed(fields, []);
        }
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return new Parsed(await ReadJsonAsync(request, ct), []);
        throw new IntakeRefused(415, "Content-Type",
            "Kirim multipart/form-data atau application/json / send multipart/form-data or application/json");
    }

    private static async Task<SubmissionFields> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > JsonLimit) throw new IntakeRefused(413, "body", "JSON paling besar 1 MB / at most 1 MB");
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(request.Body, buffer, JsonLimit, () => new IntakeRefused(413, "body", "JSON paling besar 1 MB / at most 1 MB"), ct);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new IntakeRefused(400, "body", $"JSON tidak valid / invalid JSON: {e.Message}");
        }
        using (doc)
        {
            try
            {
                return Fields(doc);
            }
            catch (InvalidOperationException e)
            {
                // Strings the parser let through but cannot turn into text: broken UTF-8.
                throw new IntakeRefused(400, "body", $"JSON tidak valid / invalid JSON: {e.Message}");
            }
        }
    }

    private static SubmissionFields Fields(JsonDocument doc)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new IntakeRefused(400, "body", "Harus objek JSON / must be a JSON object");
        var fields = new SubmissionFields();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String: fields.Add(p.Name, p.Value.GetString()!); break;
                case JsonValueKind.True or JsonValueKind.False when p.Name.Equals("priorityProgram", StringComparison.OrdinalIgnoreCase):
                    fields.Add(p.Name, p.Value.GetBoolean() ? "true" : "false"); break;
                case JsonValueKind.Array when p.Name is "channels" or "uploads" && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    foreach (var e in p.Value.EnumerateArray()) fields.Add(p.Name, e.GetString()!);
                    break;
                case JsonValueKind.Null: break;
                default: fields.TypeErrors[p.Name] = $"Tipe JSON salah / wrong JSON type: {p.Value.ValueKind}"; break;
            }
        }
        return fields;
    }

    private async Task<Parsed> ReadMultipartAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var limits = options.Value.Intake;
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
        return new Parsed(fields, items);
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
                if (fileName.Length == 0) continue; // an empty file input in a browser form
                if (FileNameProblem(fileName) is { } problem) throw new IntakeRefused(400, "media", problem);
                if (items.Count >= limits.MaxFiles)
                    throw new IntakeRefused(400, "media", $"Paling banyak {limits.MaxFiles} berkas / at most {limits.MaxFiles} files");
                items.Add(await StoreFileAsync(id, items.Count, fileName, section, limits.MaxFileBytes, ct));
            }
            else
            {
                using var text = new MemoryStream();
                var max = limits.MaxFieldLength * 4L;
                await CopyLimitedAsync(section.Body, text, max, () => new IntakeRefused(413, name, "Isian terlalu panjang / field too long"), ct);
                fieldBytes += text.Length;
                if (fieldBytes > 4 * max) throw new IntakeRefused(413, "body", "Isian terlalu banyak / too much form data");
                fields.Add(name, Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
            }
        }
    }

    private async Task<MediaItem> StoreFileAsync(string id, int index, string fileName, MultipartSection section, long max, CancellationToken ct)
    {
        var safe = SafeFileName(fileName);
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

    private static async Task CopyLimitedAsync(Stream from, Stream to, long max, Func<Exception> tooLarge, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        while (await from.ReadAsync(buffer, ct) is var n and > 0)
        {
            total += n;
            if (total > max) throw tooLarge();
            await to.WriteAsync(buffer.AsMemory(0, n), ct);
        }
    }

    /// <summary>
    /// Why a file name as sent is refused: browsers send a plain name, so a way up the folder tree, a control
    /// character or a name longer than any file system allows is someone testing us, not a photo.
    /// </summary>
    public static string? FileNameProblem(string name)
    {
        if (name.Length > FileNameMax) return $"Nama berkas paling banyak {FileNameMax} karakter / a file name has at most {FileNameMax} characters";
        if (name.Any(char.IsControl)) return "Nama berkas berisi karakter kontrol / the file name has control characters";
        if (name.Replace('\\', '/').Split('/').Any(segment => segment.Trim() == ".."))
            return "Nama berkas tidak boleh berisi '..' / a file name must not climb folders with '..'";
        return null;
    }

    /// <summary>Keeps the name's letters, digits, dots and dashes: no paths, no control characters.</summary>
    public static string SafeFileName(string name)
    {
        static string Clean(string text)
        {
            var sb = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormKC))
                sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
            var clean = sb.ToString();
            while (clean.Contains("--")) clean = clean.Replace("--", "-");
            return clean.Trim('-');
        }
        var last = name.Replace('\\', '/').Split('/').Last();
        var dot = last.LastIndexOf('.');
        var stem = Clean(dot >= 0 ? last[..dot] : last);
        var ext = dot >= 0 ? Clean(last[(dot + 1)..]).ToLowerInvariant() : "";
        if (stem.Length == 0) stem = "berkas";
        if (stem.Length > 100) stem = stem[..100];
        return ext.Length == 0 ? stem : $"{stem}.{ext[..Math.Min(ext.Length, 10)]}";
    }

    /// <summary>A sortable id that says when it was made: 20261128-7f3a9c2b1e.</summary>
    public static string NewId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant()}";

    /// <summary>Whether the text has the shape <see cref="NewId"/> gives: yyyyMMdd, a hyphen, ten lower-case hex digits.</summary>
    public static bool IsSubmissionId(string text) =>
        text.Length == 19 && text[8] == '-' && text[..8].All(char.IsAsciiDigit) && text[9..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
