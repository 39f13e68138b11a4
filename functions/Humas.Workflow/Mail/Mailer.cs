using Humas.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Mail;

/// <summary>
/// Sends each workflow mail once: activities run at least once, so a mail is keyed by what caused it
/// and a marker in the submission's partition says it went out.
/// </summary>
public sealed class Mailer(IMailTransport transport, SubmissionStore store, ILogger<Mailer> logger)
{
    public Task SendOnceAsync(string submissionId, string key, OutgoingMail mail, CancellationToken ct = default, bool stepJustApplied = false) =>
        SendOnceAsync(submissionId, key, mail.To, () => Task.FromResult(mail), ct, stepJustApplied);

    /// <summary>
    /// Composes the mail only when it has not gone out yet: what it shows may take reads of its own. A step's mails are
    /// sent after its save, so when <paramref name="stepJustApplied"/> (this run saved the step that causes the mail)
    /// none of them can have gone out and the marker is not read; a run that found the step saved reads it.
    /// </summary>
    public async Task SendOnceAsync(string submissionId, string key, string to, Func<Task<OutgoingMail>> compose,
        CancellationToken ct = default, bool stepJustApplied = false)
    {
        var marker = $"mail-{key}-{to.ToLowerInvariant()}";
        if (!stepJustApplied && await store.GetMarkerAsync<DateTimeOffset?>(submissionId, marker, ct) is not null)
        {
            logger.LogInformation("Mail {Key} for {Id} already sent", key, submissionId);
            return;
        }
        await transport.SendAsync(await compose(), ct);
        await store.TryAddMarkerAsync<DateTimeOffset?>(submissionId, marker, DateTimeOffset.UtcNow, ct);
    }
}
