using Humas.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Mail;

/// <summary>
/// Sends each workflow mail once: activities run at least once, so a mail is keyed by what caused it
/// and a marker in the submission's partition says it went out.
/// </summary>
public sealed class Mailer(IMailTransport transport, SubmissionStore store, ILogger<Mailer> logger)
{
    public Task SendOnceAsync(string submissionId, string key, OutgoingMail mail, CancellationToken ct = default) =>
        SendOnceAsync(submissionId, key, mail, unsent: false, ct);

    /// <param name="unsent">
    /// The caller has just made the change this mail tells of (the first run of its step), so no mail of this key can
    /// have gone out yet and its marker is not read.
    /// </param>
    public async Task SendOnceAsync(string submissionId, string key, OutgoingMail mail, bool unsent, CancellationToken ct = default)
    {
        var marker = $"mail-{key}-{mail.To.ToLowerInvariant()}";
        if (!unsent && await store.GetMarkerAsync<DateTimeOffset?>(submissionId, marker, ct) is not null)
        {
            logger.LogInformation("Mail {Key} to {To} for {Id} already sent", key, mail.To, submissionId);
            return;
        }
        await transport.SendAsync(mail, ct);
        await store.TryAddMarkerAsync<DateTimeOffset?>(submissionId, marker, DateTimeOffset.UtcNow, ct);
    }
}
