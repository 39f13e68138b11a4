namespace Humas.Workflow.Media;

/// <summary>
/// Tells what a file really is from its first bytes, so that a renamed executable is refused however it
/// is named. Only the kinds the office publishes are accepted.
/// </summary>
public static class MediaInspector
{
    public const int SniffLength = 16;

    /// <summary>How much of a file's start is searched for markup a browser would run.</summary>
    public const int MarkupScanLength = 1024;

    private static readonly string[] Markup = ["<script", "<html", "<body", "<iframe", "<svg", "<?php", "<%@", "javascript:"];

    private sealed record Kind(string ContentType, string[] Extensions, Func<byte[], int, bool> Matches);

    private static readonly Kind[] Kinds =
    [
        new("image/jpeg", [".jpg", ".jpeg"], (b, n) => n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF),
        new("image/png", [".png"], (b, n) => StartsWith(b, n, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("image/gif", [".gif"], (b, n) => StartsWith(b, n, 0, "GIF87a"u8) || StartsWith(b, n, 0, "GIF89a"u8)),
        new("image/webp", [".webp"], (b, n) => StartsWith(b, n, 0, "RIFF"u8) && StartsWith(b, n, 8, "WEBP"u8)),
        new("video/mp4", [".mp4", ".m4v"], (b, n) => StartsWith(b, n, 4, "ftyp"u8)),
        new("video/quicktime", [".mov"], (b, n) => StartsWith(b, n, 4, "ftyp"u8) || StartsWith(b, n, 4, "moov"u8) || StartsWith(b, n, 4, "wide"u8)),
        new("video/webm", [".webm"], (b, n) => StartsWith(b, n, 0, [0x1A, 0x45, 0xDF, 0xA3])),
        new("audio/mp4", [".m4a"], (b, n) => StartsWith(b, n, 4, "ftyp"u8)),
        new("audio/mpeg", [".mp3"], (b, n) => StartsWith(b, n, 0, "ID3"u8) || (n >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0)),
        new("audio/wav", [".wav"], (b, n) => StartsWith(b, n, 0, "RIFF"u8) && StartsWith(b, n, 8, "WAVE"u8)),
        new("audio/ogg", [".ogg", ".oga"], (b, n) => StartsWith(b, n, 0, "OggS"u8)),
        new("application/pdf", [".pdf"], (b, n) => StartsWith(b, n, 0, "%PDF-"u8)),
    ];

    public static IEnumerable<string> AllowedExtensions => Kinds.SelectMany(k => k.Extensions).Distinct();

    public static bool IsAllowedExtension(string fileName) => KindFor(fileName) is not null;

    /// <summary>True when the declared type fits what the name says, before any byte has arrived.</summary>
    public static bool FitsDeclaredType(string fileName, string? declaredType) =>
        KindFor(fileName) is { } kind && (string.IsNullOrWhiteSpace(declaredType) || Compatible(kind.ContentType, declaredType));

    /// <summary>The content type to store, or null when the bytes, the name and the declared type disagree.</summary>
    public static string? Inspect(string fileName, string? declaredType, byte[] head, int length)
    {
        var kind = KindFor(fileName);
        if (kind is null || !kind.Matches(head, length)) return null;
        if (!string.IsNullOrWhiteSpace(declaredType) && !Compatible(kind.ContentType, declaredType)) return null;
        return kind.ContentType;
    }

    /// <summary>
    /// True when the file's start also reads as HTML or script (a polyglot): served or sniffed as a page it would run.
    /// Real photos, videos and documents do not carry these words in their first kilobyte.
    /// </summary>
    public static bool CarriesMarkup(byte[] head, int length)
    {
        var text = System.Text.Encoding.Latin1.GetString(head, 0, Math.Min(length, MarkupScanLength));
        return Markup.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static Kind? KindFor(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return Kinds.FirstOrDefault(k => k.Extensions.Contains(ext));
    }

    // Browsers name the same thing differently (image/jpg, audio/x-wav); the family must agree, and
    // application/octet-stream says nothing either way.
    private static bool Compatible(string actual, string declared)
    {
        var d = declared.Split(';')[0].Trim().ToLowerInvariant();
        if (d is "application/octet-stream" or "binary/octet-stream") return true;
        if (d == actual) return true;
        var family = actual.Split('/')[0];
        return family != "application" && d.StartsWith(family + "/", StringComparison.Ordinal);
    }

    private static bool StartsWith(byte[] b, int n, int offset, ReadOnlySpan<byte> magic) =>
        n >= offset + magic.Length && b.AsSpan(offset, magic.Length).SequenceEqual(magic);
}
