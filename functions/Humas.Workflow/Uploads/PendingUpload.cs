namespace Humas.Workflow.Uploads;

/// <summary>
/// A file a browser was allowed to write straight to Blob Storage. It belongs to no submission until one
/// names it; then <see cref="SubmissionId"/> is set, so no second submission can take the same bytes.
/// </summary>
public sealed record PendingUpload(
    string Id, string FileName, string ContentType, long Size, string BlobName, DateTimeOffset CreatedAt, string? SubmissionId = null);
