using Humas.Workflow.Mail;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Partner media: a press release by email to the unit profile's partner newsrooms, with the media linked from the
/// public feed. Local partners receive every release; national ones the external track and priority programmes.
/// </summary>
public sealed class PartnerMediaChannel(UnitProfile unit, People.UnitPeople people, Mailer mailer, MailRenderer mails, WebsiteFeed feed, Links.Links links) : IPublicationChannel
{
    public const string ChannelName = "media-partner";

    public string Name => ChannelName;
    public string Serves => ChannelName;
    public bool IsConfigured => unit.Partners.Count > 0;

    public static IReadOnlyList<MediaPartner> Recipients(UnitProfile unit, Submission s)
    {
        var national = s.Content.Track == "external" || s.Content.PriorityProgram;
        return unit.Partners.Where(p => p.Scope.Equals("local", StringComparison.OrdinalIgnoreCase)
                                        || (national && p.Scope.Equals("national", StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public async Task<ChannelPost> PublishAsync(Submission s, ChannelProgress progress, CancellationToken ct)
    {
        var recipients = Recipients(unit, s);
        if (recipients.Count == 0)
            throw new ChannelException("Tidak ada media mitra untuk cakupan ini / no partner media for this scope", transient: false);
        var itemUrl = $"{links.BaseUrl}/published#{s.Id}";
        var media = s.Media.Select(m => (m.Name, feed.MediaUrl(s.Id, m))).ToList();
        var contact = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        foreach (var partner in recipients)
        {
            // Rendered outside the try: a template that fails is a fault to see, not a mail to retry.
            var release = await PublicationMails.PressReleaseAsync(mails, unit, s, partner, itemUrl, media, contact);
            try
            {
                // One mail per partner, each kept as sent: a repeated try skips those already sent.
                await mailer.SendOnceAsync(s.Id, "press-release", release, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ChannelException($"Surel ke / mail to {partner.Email}: {e.Message}", transient: true);
            }
        }
        return new ChannelPost($"press-release-{s.Id}", itemUrl,
            "Terkirim ke / sent to: " + string.Join(", ", recipients.Select(p => $"{p.Name} <{p.Email}> ({p.Scope})")));
    }
}
