using Humas.Workflow.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Humas.Workflow.Mail;

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
