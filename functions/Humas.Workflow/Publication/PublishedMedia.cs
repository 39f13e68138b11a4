namespace Humas.Workflow.Publication;

public sealed record PublishedMedia(string Name, string ContentType, long Size, string Url);
