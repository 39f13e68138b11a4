using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Publication.Channels;

/// <summary>The publication mails: press releases to partner media and the notices of a channel that failed.</summary>
public static class PublicationMails
{
    public static Task<OutgoingMail> PressReleaseAsync(
        MailRenderer mails, UnitProfile unit, Submission s, MediaPartner to, string itemUrl, IReadOnlyList<(string Name, string Url)> media, Person? contact) =>
        mails.MailAsync<PressReleaseMail>(unit, to.Email, to.Name, PressReleaseSubject(unit, s), new Dictionary<string, object?>
        {
            [nameof(PressReleaseMail.Submission)] = s,
            [nameof(PressReleaseMail.To)] = to,
            [nameof(PressReleaseMail.ItemUrl)] = itemUrl,
            [nameof(PressReleaseMail.Media)] = media,
            [nameof(PressReleaseMail.Contact)] = contact,
        });

    public static string PressReleaseSubject(UnitProfile unit, Submission s) =>
        $"[Siaran Pers / Press Release] {unit.ShortName}: {s.Content.Title}";

    /// <param name="link">The submitter's tracking page, or for staff the submission's record.</param>
    public static Task<OutgoingMail> FailedAsync(
        MailRenderer mails, UnitProfile unit, Submission s, string channel, string reason, string toEmail, string? toName, string link, bool forStaff) =>
        mails.MailAsync<PublicationFailedMail>(unit, toEmail, toName, FailedSubject(unit, s, channel), new Dictionary<string, object?>
        {
            [nameof(PublicationFailedMail.Submission)] = s,
            [nameof(PublicationFailedMail.Channel)] = channel,
            [nameof(PublicationFailedMail.Reason)] = reason,
            [nameof(PublicationFailedMail.Greeting)] = toName ?? toEmail,
            [nameof(PublicationFailedMail.Link)] = link,
            [nameof(PublicationFailedMail.ForStaff)] = forStaff,
        });

    /// <summary>The channel by its code, as staff and filters know it.</summary>
    public static string FailedSubject(UnitProfile unit, Submission s, string channel) =>
        $"[{unit.ShortName}] Gagal terbit di {channel} / Publication failed on {channel}: {s.Content.Title}";
}
