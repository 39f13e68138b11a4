using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>A message as the recipient's mail program would show it: decoded, with its links.</summary>
public sealed partial record ReceivedMail(
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string From,
    string Subject,
    string? TextBody,
    string? HtmlBody,
    IReadOnlyList<string> Links,
    DateTimeOffset ReceivedAt,
    string Raw)
{
    /// <summary>Parses the message as sent over SMTP (the DATA, transparency dots already removed).</summary>
    public static ReceivedMail Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        var message = MimeMessage.Load(stream);
        return new ReceivedMail(
            Addresses(message.To),
            Addresses(message.Cc),
            message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
            message.Subject ?? "",
            message.TextBody,
            message.HtmlBody,
            FindLinks(message.TextBody, message.HtmlBody),
            DateTimeOffset.UtcNow,
            raw);
    }

    /// <summary>True when the address is in To or Cc, ignoring case. (Bcc cannot be seen: the sink does not keep the envelope.)</summary>
    public bool IsFor(string address) =>
        To.Concat(Cc).Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first link containing the fragment (e.g. "/act/"); throws, listing the links, if none does.</summary>
    public string Link(string fragment) =>
        Links.FirstOrDefault(link => link.Contains(fragment, StringComparison.Ordinal))
        ?? throw new InvalidOperationException(
            $"No link containing '{fragment}' in the mail '{Subject}'. Links: {(Links.Count == 0 ? "none" : string.Join(", ", Links))}");

    /// <summary>All http(s) URLs in the text and HTML bodies, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> FindLinks(string? text, string? html)
    {
        var links = new List<string>();
        // Entities are decoded so that &amp; inside an href reads as the & a browser would follow.
        foreach (var body in new[] { text, html is null ? null : WebUtility.HtmlDecode(html) })
        {
            if (body is null)
            {
                continue;
            }
            foreach (Match match in UrlPattern().Matches(body))
            {
                var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'');
                if (!links.Contains(url))
                {
                    links.Add(url);
                }
            }
        }
        return links;
    }

    public override string ToString() => $"'{Subject}' to {string.Join(", ", To.Concat(Cc))}";

    private static List<string> Addresses(InternetAddressList list) => [.. list.Mailboxes.Select(m => m.Address)];

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
