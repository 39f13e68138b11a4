using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Publication.Channels;

/// <summary>The publication mails, Indonesian first with English below: press releases and failure notices.</summary>
public static class PublicationMails
{
    public static OutgoingMail PressRelease(
        UnitProfile unit, Submission s, MediaPartner to, string itemUrl, IReadOnlyList<(string Name, string Url)> media, Person? contact)
    {
        var subject = $"[Siaran Pers / Press Release] {unit.ShortName}: {s.Content.Title}";
        var links = string.Join("\n", media.Select(m => $"- {m.Name}: {m.Url}"));
        var contactLine = contact is null ? "" : $"Kontak / Contact: {contact.Name} <{contact.Email}>\n";
        var text = $"""
            Yth. {to.Name},

            {unit.UnitName} menyampaikan siaran pers berikut untuk dapat dimuat.
            {unit.UnitName} sends the following press release for publication.

            {s.Content.Title}

            {s.Content.Summary}

            {s.Content.Body}

            Media / Media files:
            {(links.Length == 0 ? "-" : links)}

            Selengkapnya / Full item: {itemUrl}
            {contactLine}
            """;
        var html = $"""
            <p>Yth. {E(to.Name)},</p>
            <p>{E(unit.UnitName)} menyampaikan siaran pers berikut untuk dapat dimuat.<br><em>{E(unit.UnitName)} sends the following press release for publication.</em></p>
            <h2>{E(s.Content.Title)}</h2>
            {(string.IsNullOrWhiteSpace(s.Content.Summary) ? "" : $"<p><strong>{E(s.Content.Summary)}</strong></p>")}
            {(string.IsNullOrWhiteSpace(s.Content.Body) ? "" : $"<p>{E(s.Content.Body).Replace("&#xA;", "<br>")}</p>")}
            {(media.Count == 0 ? "" : "<p>Media / Media files:</p><ul>" + string.Join("", media.Select(m => $"<li><a href=\"{E(m.Url)}\">{E(m.Name)}</a></li>")) + "</ul>")}
            <p><a href="{E(itemUrl)}">Selengkapnya / Full item</a></p>
            {(contact is null ? "" : $"<p>Kontak / Contact: {E(contact.Name)} &lt;{E(contact.Email)}&gt;</p>")}
            """;
        return new OutgoingMail(to.Email, to.Name, subject, text, html);
    }

    public static OutgoingMail Failed(
        UnitProfile unit, Submission s, string channel, string reason, string toEmail, string? toName, string link, bool forStaff)
    {
        var subject = $"[{unit.ShortName}] Gagal terbit di {channel} / Publication failed on {channel}: {s.Content.Title}";
        var (nextId, nextEn) = forStaff
            ? ("Admin dapat mengulang kanal ini: POST /api/submissions/{id}/publications/{kanal}/retry dengan kunci admin.",
               "An admin can retry this channel: POST /api/submissions/{id}/publications/{channel}/retry with the admin key.")
            : ("Tim Humas telah diberi tahu dan akan mengulang penerbitan.", "The Humas team has been told and will retry.");
        var text = $"""
            Yth. {toName ?? toEmail},

            "{s.Content.Title}" gagal diterbitkan di kanal {channel}. Kanal lain tetap diterbitkan.
            "{s.Content.Title}" could not be published on {channel}. The other channels still publish.

            Alasan / Reason: {reason}

            {nextId}
            {nextEn}

            {link}
            """;
        var html = $"""
            <p>Yth. {E(toName ?? toEmail)},</p>
            <p><strong>{E(s.Content.Title)}</strong> gagal diterbitkan di kanal {E(channel)}. Kanal lain tetap diterbitkan.<br>
            <em>It could not be published on {E(channel)}. The other channels still publish.</em></p>
            <p>Alasan / Reason: <code>{E(reason)}</code></p>
            <p>{E(nextId)}<br><em>{E(nextEn)}</em></p>
            <p><a href="{E(link)}">{E(link)}</a></p>
            """;
        return new OutgoingMail(toEmail, toName, subject, text, html);
    }
}
