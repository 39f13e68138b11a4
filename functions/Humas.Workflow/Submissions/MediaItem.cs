namespace Humas.Workflow.Submissions;

public sealed record MediaItem(string Name, string ContentType, long Size, string BlobName);
