namespace Humas.Workflow.Mail;

public sealed record OutgoingMail(string To, string? ToName, string Subject, string Text, string Html)
{
    public IReadOnlyList<InlineImage> Images { get; init; } = [];
}
