namespace Humas.Workflow.Submissions;

/// <summary>
/// One file of a submission. <see cref="Alt"/> says what is on an image for people who cannot see it, <see cref="Caption"/>
/// is shown beside it, and <see cref="Minors"/> is the submitter's word on whether identifiable children (or adults who
/// have not agreed) appear; all three are null on records from before they were asked. A video or an audio file may
/// carry a <see cref="Transcript"/> (its words as text) and <see cref="Captions"/> (the blob of its WebVTT or SRT file,
/// beside the file in the submission's folder).
/// </summary>
public sealed record MediaItem(
    string Name, string ContentType, long Size, string BlobName, string? Alt = null, string? Caption = null, bool? Minors = null,
    string? Transcript = null, string? Captions = null)
{
    public bool IsImage() => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public bool IsVideo() => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>A photo or a video can show a person; audio and documents are not asked about.</summary>
    public bool CanShowPeople() => IsImage() || IsVideo();

    public bool IsAudio() => ContentType.StartsWith("audio/", StringComparison.Ordinal);

    /// <summary>Speech someone who cannot hear needs as text: a video's or an audio file's.</summary>
    public bool CanCarryCaptions() => IsVideo() || IsAudio();

    public bool HasCaptionsOrTranscript() => Transcript is not null || Captions is not null;

    /// <summary>The caption file's format by its blob's extension: <c>vtt</c> or <c>srt</c>.</summary>
    public string? CaptionsFormat => Captions is null ? null : Path.GetExtension(Captions).TrimStart('.').ToLowerInvariant();
}
