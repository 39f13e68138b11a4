using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Humas.Workflow.Mail;

/// <summary>
/// The text body of a mail, read off its rendered HTML: paragraphs and line breaks kept, list items as
/// "- ", table cells joined by " · ", each link followed by its address, entities decoded.
/// </summary>
/// <remarks>
/// This reads only HTML that a mail component rendered. Razor encodes every value it writes, in text and in
/// attributes, so each '&lt;' and '"' left in the markup is the template's own, and a small tag scanner is
/// exact here; it is not meant for HTML from anywhere else.
/// An element with <c>data-text</c> reads as that attribute in text, for markup (a table row, say) whose
/// text form should be a sentence rather than its cells.
/// </remarks>
public static partial class MailText
{
    private static readonly HashSet<string> Paragraphs = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr", "footer"];
    private static readonly HashSet<string> Lines = ["br", "li", "tr", "div", "dt", "dd", "thead", "tbody"];
    private static readonly HashSet<string> Hidden = ["head", "style", "script", "title"];

    public static string FromHtml(string html)
    {
        var text = new Writer();
        string? skipping = null;
        var skipDepth = 0;
        var links = new Stack<string?>();
        var cells = 0;

        foreach (Match m in Token().Matches(html))
        {
            if (m.Groups["text"].Success)
            {
                if (skipping is null) text.Write(WebUtility.HtmlDecode(m.Groups["text"].Value));
                continue;
            }
            if (!m.Groups["name"].Success) continue; // comments and the doctype
            var name = m.Groups["name"].Value.ToLowerInvariant();
            var closing = m.Groups["close"].Value.Length > 0;

            if (skipping is not null)
            {
                if (name == skipping) skipDepth += closing ? -1 : 1;
                if (skipDepth == 0) skipping = null;
                continue;
            }

            var attributes = Attributes(m.Groups["attrs"].Value);
            if (!closing && Hidden.Contains(name))
            {
                (skipping, skipDepth) = (name, 1);
                continue;
            }
            if (!closing && attributes.TryGetValue("data-text", out var instead))
            {
                text.Break(Paragraphs.Contains(name) ? 2 : 1);
                text.Write(instead);
                text.Break(Paragraphs.Contains(name) ? 2 : 1);
                if (name is not ("br" or "hr" or "img")) (skipping, skipDepth) = (name, 1);
                continue;
            }

            switch (name, closing)
            {
                case ("a", false):
                    links.Push(attributes.GetValueOrDefault("href"));
                    text.StartLabel();
                    continue;
                case ("a", true):
                    var href = links.Count > 0 ? links.Pop() : null;
                    var label = text.EndLabel();
                    if (href is not null && !href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && label.Trim() != href)
                    {
                        if (label.Trim().Length == 0) text.Write(href);
                        else
                        {
                            text.Glue();
                            text.Write(": " + href);
                        }
                    }
                    continue;
                case ("hr", false):
                    text.Break(2);
                    text.Write("---");
                    text.Break(2);
                    continue;
                case ("li", false):
                    text.Break(1);
                    text.Write("- ");
                    continue;
                case ("tr", false):
                    cells = 0;
                    break;
                case ("td" or "th", false):
                    if (cells++ > 0) text.Write(" · ");
                    continue;
            }
            if (Paragraphs.Contains(name)) text.Break(2);
            else if (Lines.Contains(name)) text.Break(1);
        }
        return text.ToString();
    }

    private static Dictionary<string, string> Attributes(string attrs)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Razor writes an empty value as a bare name (data-text, not data-text="").
        foreach (Match a in Attribute().Matches(attrs)) found[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Value);
        return found;
    }

    [GeneratedRegex(@"<!--.*?-->|<!(?:[^>]*)>|<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attrs>[^>]*)>|(?<text>[^<]+)", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*""([^""]*)"")?")]
    private static partial Regex Attribute();

    /// <summary>Collapses the markup's whitespace as a browser would and keeps the breaks the elements ask for.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder output = new();
        private readonly Stack<int> labels = new();
        private int pendingBreaks;
        private bool space;

        public void Write(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }
                if (output.Length > 0 && pendingBreaks > 0)
                {
                    TrimEnd();
                    output.Append('\n', pendingBreaks);
                }
                else if (space && output.Length > 0 && output[^1] != '\n') output.Append(' ');
                pendingBreaks = 0;
                space = false;
                output.Append(c);
            }
        }

        public void Break(int lines)
        {
            pendingBreaks = Math.Max(pendingBreaks, lines);
            space = false;
        }

        /// <summary>The next character follows the last one without the space the markup had between them.</summary>
        public void Glue() => space = false;

        public void StartLabel() => labels.Push(output.Length);

        public string EndLabel()
        {
            var start = labels.Count > 0 ? labels.Pop() : output.Length;
            return start <= output.Length ? output.ToString(start, output.Length - start) : "";
        }

        private void TrimEnd()
        {
            while (output.Length > 0 && output[^1] == ' ') output.Length--;
        }

        public override string ToString()
        {
            TrimEnd();
            return output.Append('\n').ToString().TrimStart('\n');
        }
    }
}
