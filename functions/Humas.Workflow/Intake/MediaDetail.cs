namespace Humas.Workflow.Intake;

/// <summary>
/// What the submitter says about one file, as it arrived: its alt text, caption and whether children appear (yes/no), and
/// for a video or audio file its transcript and caption file.
/// </summary>
public sealed record MediaDetail(string? UploadId, string? Alt, string? Caption, string? Minors, string? Transcript = null, CaptionUpload? Captions = null);
