using System.Text.Json;
using Humas.Workflow.Http;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Intake;

/// <summary>
/// Reads the body of POST /api/submissions into a draft: multipart/form-data (<see cref="MultipartSubmissionReader"/>),
/// a urlencoded form, or JSON. Refuses with <see cref="IntakeRefused"/> what is too large or not a form; media it
/// already stored stay for the caller to remove.
/// </summary>
public sealed class SubmissionBodyReader(MultipartSubmissionReader multipart)
{
    private const int JsonLimit = 1024 * 1024;

    public async Task<SubmissionDraft> ReadAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return await multipart.ReadAsync(request, id, ct);
        if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ct);
            var fields = new SubmissionFields();
            foreach (var (name, values) in form)
                foreach (var v in values) fields.Add(name, v ?? "");
            return new SubmissionDraft(fields, []);
        }
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return new SubmissionDraft(await ReadJsonAsync(request, ct), []);
        throw new IntakeRefused(415, "Content-Type",
            "Kirim multipart/form-data atau application/json / send multipart/form-data or application/json");
    }

    private static async Task<SubmissionFields> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await JsonBody.ReadBytesAsync(request, JsonLimit, ct)
                    ?? throw new IntakeRefused(413, "body", "JSON paling besar 1 MB / at most 1 MB");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
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

    /// <summary>
    /// Takes the JSON as the form's fields: strings, booleans for <c>priorityProgram</c>, string arrays for the fields a
    /// form repeats; any other type is kept as the field's error, so the answer names every field that is wrong.
    /// </summary>
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
                case JsonValueKind.Array when p.Name.Equals(MediaDetails.Field, StringComparison.OrdinalIgnoreCase):
                    fields.Add(MediaDetails.Field, p.Value.GetRawText()); // read with the multipart field of the same name
                    break;
                case JsonValueKind.Null: break;
                default: fields.TypeErrors[p.Name] = $"Tipe JSON salah / wrong JSON type: {p.Value.ValueKind}"; break;
            }
        }
        return fields;
    }
}
