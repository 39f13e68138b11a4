namespace Humas.Workflow.Mail;

public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}
