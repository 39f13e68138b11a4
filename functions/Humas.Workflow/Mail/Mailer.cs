using Humas.Workflow.Configuration;
using Humas.Workflow.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Humas.Workflow.Mail;

public sealed record InlineImage(string ContentId, string ContentType, byte[] Bytes);

public sealed record OutgoingMail(string To, string? ToName, string Subject, string Text, string Html)
{
    public IReadOnlyList<InlineImage> Images { get; init; } = [];
}

public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>Sends through the SMTP server from configuration (smtp4dev locally, the office's relay in Azure).</summary>
public sealed class SmtpMailTransport(IOptions<HumasOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? mail.To, mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var image in mail.Images)
        {
            var part = body.LinkedResources.Add(image.ContentId, image.Bytes, ContentType.Parse(image.ContentType));
            part.ContentId = image.ContentId;
        }
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port,
            smtp.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Sends each workflow mail once: activities run at least once, so a mail is keyed by what caused it
/// and a marker in the submission's partition says it went out.
/// </summary>
public sealed class Mailer(IMailTransport transport, SubmissionStore store, ILogger<Mailer> logger)
{
    public async Task SendOnceAsync(string submissionId, string key, OutgoingMail mail, CancellationToken ct = default)
    {
        var marker = $"mail-{key}-{mail.To.ToLowerInvariant()}";
        if (await store.GetMarkerAsync<DateTimeOffset?>(submissionId, marker, ct) is not null)
        {
            logger.LogInformation("Mail {Key} to {To} for {Id} already sent", key, mail.To, submissionId);
            return;
        }
        await transport.SendAsync(mail, ct);
        await store.TryAddMarkerAsync<DateTimeOffset?>(submissionId, marker, DateTimeOffset.UtcNow, ct);
    }
}
