using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Tells the Humas team that a channel needs reconnecting: at once, then again each week while it lasts. The moment of
/// the last mail is kept with the channel's mark after the mail went, so a crash between the two sends it again rather
/// than never.
/// </summary>
public sealed class ReconnectNotice(
    ChannelHealthStore health, IMailTransport transport, MailRenderer mails, UnitProfile unit, People.UnitPeople people, ILogger<ReconnectNotice> logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(7);

    public async Task TellAsync(ChannelHealth marked, DateTimeOffset now, CancellationToken ct)
    {
        if (marked.MailedAt is { } last && now - last < Every) return;
        var team = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == People.PersonKeys.HumasTeam);
        if (team is null)
        {
            logger.LogWarning("{Channel} needs reconnecting and the unit has no Humas team to tell", marked.Channel);
            return;
        }
        var channel = Vocabulary.Terms.Channel(marked.Channel);
        var mail = await mails.MailAsync<ReconnectMail>(unit, team.Email, team.Name,
            $"[{unit.ShortName}] Kanal {channel.Id} perlu dihubungkan ulang / {channel.En} needs reconnecting", new Dictionary<string, object?>
            {
                [nameof(ReconnectMail.Health)] = marked,
                [nameof(ReconnectMail.Greeting)] = team.Name,
            });
        await transport.SendAsync(mail, ct);
        await health.SaveAsync(marked with { MailedAt = now }, ct);
    }
}
