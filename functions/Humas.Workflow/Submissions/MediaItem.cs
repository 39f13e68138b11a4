namespace Humas.Workflow.Submissions;

/// <summary>
/// One file of a submission. <see cref="Alt"/> says what is on an image for people who cannot see it, <see cref="Caption"/>
/// is shown beside it, and <see cref="Minors"/> is the submitter's word on whether identifiable children (or adults who
/// have not agreed) appear; all three are null on records from before they were asked.
/// </summary>
public sealed record MediaItem(
    string Name, string ContentType, long Size, string BlobName, string? Alt = null, string? Caption = null, bool? Minors = null)
{
    public bool IsImage() => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public bool IsVideo() => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>A photo or a video can show a person; audio and documents are not asked about.</summary>
    public bool CanShowPeople() => IsImage() || IsVideo();
}
