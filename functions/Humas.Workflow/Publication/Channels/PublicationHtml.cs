using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Publication.Channels;

/// <summary>One publication record as a line of the tracking page: where it went, when (WIB), the post id or the reason.</summary>
public static class PublicationHtml
{
    public static string Item(Lang lang, PublicationRecord p) =>
        $"<li data-channel=\"{E(p.Channel)}\" data-status=\"{E(p.Status)}\">{E(p.Channel)}: {E(StatusText(lang, p.Status))}"
        + $" · {E(Wib.Format(p.At, lang))}"
        + (p.Url is null ? "" : $" · <a href=\"{E(p.Url)}\">{E(p.Url)}</a>")
        + (p.PostId is null ? "" : $" · <small>{E(lang.T("id unggahan", "post id"))}: {E(p.PostId)}</small>")
        + (p.Reason is null ? "" : $"<br><em>{E(p.Reason)}</em>")
        + "</li>";

    public static string StatusText(Lang lang, string status) => status switch
    {
        PublicationStatus.Published => lang.T("Terbit", "Published"),
        PublicationStatus.Failed => lang.T("Gagal terbit", "Publication failed"),
        PublicationStatus.NotConfigured => lang.T("Kanal belum dikonfigurasi", "Channel not configured"),
        _ => status,
    };
}
