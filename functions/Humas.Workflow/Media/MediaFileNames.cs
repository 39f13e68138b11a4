using System.Text;

namespace Humas.Workflow.Media;

/// <summary>The names media files are refused for and the names they are stored under, for form posts and upload links alike.</summary>
public static class MediaFileNames
{
    private const int MaxLength = 255;

    /// <summary>
    /// Why a file name as sent is refused: browsers send a plain name, so a way up the folder tree, a control
    /// character or a name longer than any file system allows is someone testing us, not a photo.
    /// </summary>
    public static string? Problem(string name)
    {
        if (name.Length > MaxLength) return $"Nama berkas paling banyak {MaxLength} karakter / a file name has at most {MaxLength} characters";
        if (name.Any(char.IsControl)) return "Nama berkas berisi karakter kontrol / the file name has control characters";
        if (name.Replace('\\', '/').Split('/').Any(segment => segment.Trim() == ".."))
            return "Nama berkas tidak boleh berisi '..' / a file name must not climb folders with '..'";
        return null;
    }

    /// <summary>Keeps the name's letters, digits, dots and dashes: no paths, no control characters.</summary>
    public static string Safe(string name)
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
}
