using Azure;

namespace Humas.Workflow.Uploads;

/// <summary>An upload a submission may take: its row, the committed blob's version and what its bytes are.</summary>
public sealed record CheckedUpload(PendingUpload Upload, ETag ETag, ETag BlobETag, string ContentType, long Size);
