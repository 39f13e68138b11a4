namespace Humas.Workflow.Mail;

public sealed record InlineImage(string ContentId, string ContentType, byte[] Bytes);
