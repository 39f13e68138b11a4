using Humas.Workflow.Submissions;

namespace Humas.Workflow.Intake;

/// <summary>A post as read, before any check: its fields, and the files already streamed into the submission's media folder.</summary>
public sealed record SubmissionDraft(SubmissionFields Fields, IReadOnlyList<MediaItem> Media, MediaItem? ConsentDocument = null);
