namespace Humas.Workflow.Intake;

/// <summary>
/// What any text people type must be: no control characters (a line break only where lines make sense), no halves
/// of surrogate pairs. Such text breaks mail headers, table storage and terminals, and no keyboard produces it.
/// </summary>
public static class TextRules
{
    /// <summary>The reason the text is refused, or null when it is fine.</summary>
    public static string? Check(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return "Teks berisi karakter Unicode yang rusak / the text has a broken Unicode character";
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return multiline
                    ? "Teks berisi karakter kontrol / the text has control characters"
                    : "Satu baris saja, tanpa karakter kontrol / one line, without control characters";
        }
        return null;
    }
}
