using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Microsoft.AspNetCore.Http;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Links;

/// <summary>Checks a link from an email and answers people with a page when it cannot be used.</summary>
public sealed class LinkGate(LinkSigner signer, TimeProvider clock)
{
    public (LinkToken? Link, IResult? Refused) Check(string token, string purpose, Lang lang)
    {
        var result = signer.Verify(token, clock.GetUtcNow(), out var link);
        if (result == LinkCheck.Expired)
            return (null, Message(lang, 410, lang.T("Tautan sudah kedaluwarsa", "This link has expired"),
                $"<p>{E(lang.T("Batas waktu tautan ini sudah lewat.", "This link's deadline has passed."))}</p>"));
        if (result != LinkCheck.Valid || link!.Purpose != purpose || (purpose != "track" && link.Stage is null))
            return (null, Message(lang, 403, lang.T("Tautan tidak sah", "This link is not valid"),
                $"<p>{E(lang.T("Tautan ini rusak atau diubah.", "The link is damaged or was altered."))}</p>"));
        return (link, null);
    }

    public static IResult Message(Lang lang, int status, string title, string html) =>
        HtmlResult.Page(Page(lang, title, $"<div class=\"card\" role=\"status\"><h1>{E(title)}</h1>{html}</div>"), status);
}
