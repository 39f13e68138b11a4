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
        SendOnceAsync(submissionId, key, mail.To, () => Task.FromResult(mail), ct);

    /// <summary>Composes the mail only when it has not gone out yet: what it shows may take reads of its own.</summary>
    public async Task SendOnceAsync(string submissionId, string key, string to, Func<Task<OutgoingMail>> compose, CancellationToken ct = default)
    {
        var marker = $"mail-{key}-{to.ToLowerInvariant()}";
        if (await store.GetMarkerAsync<DateTimeOffset?>(submissionId, marker, ct) is not null)
        {
            logger.LogInformation("Mail {Key} to {To} for {Id} already sent", key, to, submissionId);
            return;
        }
        await transport.SendAsync(await compose(), ct);
        await store.TryAddMarkerAsync<DateTimeOffset?>(submissionId, marker, DateTimeOffset.UtcNow, ct);
    }
}
