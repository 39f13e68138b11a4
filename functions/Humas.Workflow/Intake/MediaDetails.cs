using System.Text.Json;

namespace Humas.Workflow.Intake;

/// <summary>
/// Reads the per-file fields of a post. Multipart: <c>alt</c>, <c>caption</c> and <c>minors</c> once for each <c>media</c>
/// part, in the same order (a form's empty file rows included). JSON and direct uploads: <c>mediaDetails</c>, an array of
/// <c>{ uploadId, alt, caption, minors }</c> (in a multipart post, the same array as the field's text). A video or audio
/// file adds <c>transcript</c> (text) and a caption file: the file field <c>captions</c> in a multipart post, in the same
/// order as the <c>media</c> parts (an empty part for a file without), or <c>captions</c> in a detail, the file's text.
/// </summary>
public static class MediaDetails
{
    public const string Field = "mediaDetails";
    public const string Alt = "alt";
    public const string Caption = "caption";
    public const string Minors = "minors";
    public const string Transcript = "transcript";
    public const string Captions = "captions";

    /// <summary>The fields each file gives, which the post's own checks leave to <see cref="MediaTextRules"/>.</summary>
    public static readonly IReadOnlySet<string> PerFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Alt, Caption, Minors, Field, Transcript };

    /// <summary>One detail for each stored file of a multipart post, by the order of its <c>media</c> parts.</summary>
    public static IReadOnlyList<MediaDetail> ForFiles(
        SubmissionFields f, int files, Dictionary<string, string[]> errors, IReadOnlyList<CaptionUpload?>? captionFiles = null)
    {
        var alts = f.Each(Alt);
        var captions = f.Each(Caption);
        var minors = f.Each(Minors);
        var transcripts = f.Each(Transcript);
        captionFiles ??= [];
        // A form tool that sends no media parts but the details (or more details than parts) has them out of step.
        var slots = f.MediaSlots.Count > 0 ? f.MediaSlots : Enumerable.Repeat(true, files).ToList();
        foreach (var (name, count) in new[] { (Alt, alts.Count), (Caption, captions.Count), (Minors, minors.Count), (Transcript, transcripts.Count), (Captions, captionFiles.Count) })
            if (count > slots.Count)
                errors[name] = [$"Lebih banyak isian '{name}' daripada berkas media / more '{name}' fields than media files"];
        var details = new List<MediaDetail>();
        for (var slot = 0; slot < slots.Count; slot++)
        {
            if (!slots[slot]) continue;
            details.Add(new MediaDetail(null, At(alts, slot), At(captions, slot), At(minors, slot), At(transcripts, slot),
                slot < captionFiles.Count ? captionFiles[slot] : null));
        }
        return details;
    }

    /// <summary>The details of direct uploads by upload id; a malformed array is the field's error.</summary>
    public static IReadOnlyList<MediaDetail> ForUploads(SubmissionFields f, Dictionary<string, string[]> errors)
    {
        var details = new List<MediaDetail>();
        foreach (var text in f.Each(Field))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
                if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("not an array");
                var i = 0;
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("uploadId", out var id) || id.ValueKind != JsonValueKind.String
                        || id.GetString()!.Trim() is not { Length: > 0 } upload)
                    {
                        errors[$"{Field}[{i}].uploadId"] = ["Setiap rincian memerlukan uploadId / every detail needs an uploadId"];
                        return [];
                    }
                    details.Add(new MediaDetail(upload, Text(e, Alt), Text(e, Caption), Text(e, Minors), Text(e, Transcript),
                        Text(e, Captions) is { } file ? new CaptionUpload(Captions, System.Text.Encoding.UTF8.GetBytes(file)) : null));
                    i++;
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors[Field] = [$"Harus larik JSON {{ uploadId, alt, caption, minors }} / must be a JSON array of {{ uploadId, alt, caption, minors }}: {e.Message}"];
                return [];
            }
        }
        return details;
    }

    private static string? At(IReadOnlyList<string> list, int i) => i < list.Count && list[i].Trim() is { Length: > 0 } v ? v : null;

    /// <summary>A string, or a boolean for <c>minors</c>; any other type is taken as missing and refused by the rules.</summary>
    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!.Trim() is { Length: > 0 } s ? s : null,
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                JsonValueKind.Null => null,
                _ => "\u0000", // refused by the text rules, naming the field
            }
            : null;
}
