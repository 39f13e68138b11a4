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
            applied.Add(item with { Alt = alt, Caption = caption, Minors = minors });
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
