using System.Text.RegularExpressions;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Intake;

/// <summary>
/// What each file must carry: an image its alt text (1 to 250 characters, neither a file name nor the same words as
/// another image of the submission, which say nothing to someone who cannot see them), a photo or video the submitter's
/// yes or no on whether children appear; a caption is optional. Errors name the file's field, <c>media[0].alt</c>.
/// </summary>
public static partial class MediaTextRules
{
    public const int AltMax = 250;
    public const int CaptionMax = 1_000;

    /// <summary>
    /// A transcript lives in the submission's record, one table row beside the body, and goes whole into a YouTube
    /// description (5,000 bytes); a longer one is sent as a caption file.
    /// </summary>
    public const int TranscriptMax = 4_000;

    /// <summary>Each item with its detail applied; errors are added under <paramref name="prefix"/><c>[i].field</c>.</summary>
    public static IReadOnlyList<MediaItem> Apply(
        IReadOnlyList<MediaItem> items, IReadOnlyList<MediaDetail?> details, string prefix, Dictionary<string, string[]> errors,
        IEnumerable<(string Field, string Alt)>? others = null)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, alt) in others ?? []) seen.TryAdd(Normal(alt), field);
        var applied = new List<MediaItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var d = i < details.Count ? details[i] : null;
            var at = $"{prefix}[{i}]";
            var alt = d?.Alt;
            var caption = d?.Caption;
            if (alt is not null && AltProblem(alt, item) is { } altProblem) errors[$"{at}.alt"] = [altProblem];
            else if (alt is null && item.IsImage())
                errors[$"{at}.alt"] = ["Teks alternatif wajib untuk setiap gambar: katakan apa yang tampak / alt text is required for every image: say what it shows"];
            else if (alt is not null && item.IsImage() && !seen.TryAdd(Normal(alt), $"{at}.alt"))
                errors[$"{at}.alt"] = [$"Teks alternatif sama dengan {seen[Normal(alt)]}; setiap gambar perlu uraiannya sendiri / the same alt text as {seen[Normal(alt)]}; each image needs its own"];
            if (caption is not null && CaptionProblem(caption) is { } captionProblem) errors[$"{at}.caption"] = [captionProblem];
            var transcript = d?.Transcript;
            if (transcript is not null && TranscriptProblem(transcript, item) is { } transcriptProblem) errors[$"{at}.transcript"] = [transcriptProblem];
            string? captions = null;
            if (d?.Captions is { } upload)
            {
                if (!item.CanCarryCaptions())
                    errors[$"{at}.captions"] = ["Takarir hanya untuk video atau audio / captions are for a video or audio file only"];
                else if (CaptionFiles.Problem(upload, out var format, out _) is { } captionsProblem) errors[$"{at}.captions"] = [captionsProblem];
                else captions = CaptionsBlob(item.BlobName, format);
            }

            bool? minors = null;
            switch (d?.Minors?.ToLowerInvariant())
            {
                case "yes" or "true" or "ya": minors = true; break;
                case "no" or "false" or "tidak": minors = false; break;
                case null when item.CanShowPeople():
                    errors[$"{at}.minors"] = ["Nyatakan apakah anak-anak yang dapat dikenali tampak (yes/no) / say whether identifiable children appear (yes/no)"];
                    break;
                case null: break;
                default: errors[$"{at}.minors"] = ["Harus yes atau no / must be yes or no"]; break;
            }
            applied.Add(item with { Alt = alt, Caption = caption, Minors = minors, Transcript = transcript, Captions = captions });
        }
        return applied;
    }

    /// <summary>Why an alt text is refused, or null.</summary>
    public static string? AltProblem(string alt, MediaItem? item = null)
    {
        if (TextRules.Check(alt, multiline: false) is { } bad) return bad;
        if (alt.Length > AltMax) return $"Teks alternatif paling banyak {AltMax} karakter / alt text is at most {AltMax} characters";
        if (LooksLikeFileName(alt, item))
            return "Teks alternatif bukan nama berkas: katakan apa yang tampak / alt text is not a file name: say what the image shows";
        return null;
    }

    public static string? CaptionProblem(string caption)
    {
        if (TextRules.Check(caption, multiline: false) is { } bad) return bad;
        return caption.Length > CaptionMax ? $"Keterangan paling banyak {CaptionMax} karakter / a caption is at most {CaptionMax} characters" : null;
    }

    public static string? TranscriptProblem(string transcript, MediaItem? item = null)
    {
        if (item is not null && !item.CanCarryCaptions())
            return "Transkrip hanya untuk video atau audio / a transcript is for a video or audio file only";
        if (TextRules.Check(transcript, multiline: true) is { } bad) return bad;
        return transcript.Length > TranscriptMax
            ? $"Transkrip paling banyak {TranscriptMax} karakter; kirim yang lebih panjang sebagai berkas .vtt atau .srt / a transcript is at most {TranscriptMax} characters; send a longer one as a .vtt or .srt file"
            : null;
    }

    /// <summary>Where a file's captions are kept: beside it in the submission's folder, under its own name.</summary>
    public static string CaptionsBlob(string mediaBlob, string format) => $"{mediaBlob}.captions.{format}";

    /// <summary>
    /// Where the profile asks for them (the content type's checklist has the automatic <c>captions</c> item), every video
    /// and audio file needs a transcript or a caption file; errors name <c>{prefix}[i].transcript</c>.
    /// </summary>
    public static void RequireCaptions(IReadOnlyList<MediaItem> items, string prefix, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].CanCarryCaptions() && !items[i].HasCaptionsOrTranscript() && !errors.ContainsKey($"{prefix}[{i}].captions"))
                errors.TryAdd($"{prefix}[{i}].transcript",
                    ["Video dan audio memerlukan transkrip atau berkas takarir (.vtt/.srt) / a video or audio file needs a transcript or a caption file (.vtt/.srt)"]);
    }

    /// <summary>The file's own name with or without its extension, anything ending in a media extension, or a camera's numbering.</summary>
    public static bool LooksLikeFileName(string alt, MediaItem? item)
    {
        var text = alt.Trim();
        if (item is not null && (text.Equals(item.Name, StringComparison.OrdinalIgnoreCase)
                                 || text.Equals(Path.GetFileNameWithoutExtension(item.Name), StringComparison.OrdinalIgnoreCase)))
            return true;
        return FileLike().IsMatch(text) || CameraName().IsMatch(text);
    }

    private static string Normal(string alt) => string.Join(' ', alt.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\S+\.(jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg|mp4|mov|m4v|webm|mp3|m4a|wav|pdf|raw|cr2|nef)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileLike();

    [GeneratedRegex(@"^(img|dsc|dscn|dcim|pxl|vid|wa|photo|foto|image|gambar|screenshot)[\s_\-]*\d[\d_\-\s]*(\s*\(\d+\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CameraName();
}
