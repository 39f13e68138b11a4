using Humas.Workflow.Submissions;

namespace Humas.Workflow.Intake;

/// <summary>
/// A post as read, before any check: its fields, the files already streamed into the submission's media folder, and the
/// caption files held in memory by the place of their part (null for an empty one).
/// </summary>
public sealed record SubmissionDraft(
    SubmissionFields Fields, IReadOnlyList<MediaItem> Media, MediaItem? ConsentDocument = null, IReadOnlyList<CaptionUpload?>? Captions = null);
