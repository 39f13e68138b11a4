using System.Text;
using System.Text.RegularExpressions;

namespace Humas.Workflow.Intake;

/// <summary>
/// What a caption file must be before it is kept: WebVTT (<c>.vtt</c>, the <c>WEBVTT</c> header and at least one cue
/// timing, W3C WebVTT §4) or SubRip (<c>.srt</c>, numbered cues with <c>00:00:01,000 --> 00:00:04,000</c> timings), in
/// UTF-8, at most <see cref="MaxBytes"/>. Its text reaches YouTube and a <c>&lt;track&gt;</c>, so control characters and
/// markup other than the cue tags are refused.
/// </summary>
public static partial class CaptionFiles
{
    public const int MaxBytes = 512 * 1024;

    public const string Vtt = "vtt";
    public const string Srt = "srt";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The format by the file name (<c>vtt</c>/<c>srt</c>), else by the text (a WebVTT header); null when neither.</summary>
    public static string? FormatOf(string? fileName, string text)
    {
        var ext = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        if (ext is Vtt or Srt) return ext;
        if (!string.IsNullOrEmpty(Path.GetExtension(fileName ?? ""))) return null;
        return text.TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal) ? Vtt : SrtTiming().IsMatch(text) ? Srt : null;
    }

    /// <summary>Why the file is refused, or null; <paramref name="format"/> and <paramref name="text"/> when it is not.</summary>
    public static string? Problem(CaptionUpload upload, out string format, out string text)
    {
        format = "";
        text = "";
        if (upload.Bytes.Length == 0) return "Berkas takarir kosong / the caption file is empty";
        if (upload.Bytes.Length > MaxBytes)
            return $"Berkas takarir paling besar {MaxBytes / 1024} KB / a caption file is at most {MaxBytes / 1024} KB";
        try
        {
            text = Strict.GetString(upload.Bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return "Berkas takarir harus teks UTF-8 / a caption file must be UTF-8 text";
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return "Berkas takarir memuat karakter kendali atau data biner / the caption file carries control characters or binary data";
        var found = FormatOf(upload.FileName, text);
        if (found is null) return "Takarir berupa berkas .vtt (WebVTT) atau .srt (SubRip) / captions are a .vtt (WebVTT) or .srt (SubRip) file";
        format = found;
        foreach (Match tag in Markup().Matches(text))
            if (!CueTags.Contains(tag.Groups[1].Value.ToLowerInvariant()))
                return $"Berkas takarir memuat markah <{tag.Groups[1].Value}>; hanya tag isyarat WebVTT (b, i, u, c, v, lang, ruby, rt) / the caption file carries <{tag.Groups[1].Value}> markup; only WebVTT cue tags";
        if (found == Vtt)
        {
            var first = text.Split('\n', 2)[0].TrimEnd('\r');
            if (!(first == "WEBVTT" || first.StartsWith("WEBVTT ", StringComparison.Ordinal) || first.StartsWith("WEBVTT\t", StringComparison.Ordinal)))
                return "Berkas WebVTT harus diawali baris 'WEBVTT' / a WebVTT file must begin with the line 'WEBVTT'";
            if (!VttTiming().IsMatch(text))
                return "Berkas WebVTT tanpa isyarat berwaktu (00:00:01.000 --> 00:00:04.000) / the WebVTT file has no timed cue (00:00:01.000 --> 00:00:04.000)";
        }
        else
        {
            var lines = text.Replace("\r\n", "\n").Split('\n').SkipWhile(string.IsNullOrWhiteSpace).Take(2).ToList();
            if (lines.Count < 2 || !int.TryParse(lines[0].Trim(), out _) || !SrtTiming().IsMatch(lines[1]))
                return "Berkas SRT harus diawali nomor isyarat dan waktunya (1, lalu 00:00:01,000 --> 00:00:04,000) / an SRT file begins with a cue number and its timing (1, then 00:00:01,000 --> 00:00:04,000)";
        }
        return null;
    }

    private static readonly HashSet<string> CueTags = ["b", "i", "u", "c", "v", "lang", "ruby", "rt"];

    [GeneratedRegex(@"(?m)^\s*(\d{2,}:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(\d{2,}:)?\d{2}:\d{2}\.\d{3}")]
    private static partial Regex VttTiming();

    [GeneratedRegex(@"(?m)^\s*\d{2}:\d{2}:\d{2},\d{3}[ \t]+-->[ \t]+\d{2}:\d{2}:\d{2},\d{3}")]
    private static partial Regex SrtTiming();

    [GeneratedRegex(@"</?([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Markup();
}
