using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>The submitter's revised content, raised by the revise form; <see cref="Media"/> (one per file, in order) is absent from revisions sent before it was asked.</summary>
/// <param name="ConsentId">A consent register id the revision names; absent when it names none, and in revisions from before the register.</param>
public sealed record RevisionSubmitted(
    int Round, string Title, string? Summary, string? Body, string? Comment, DateTimeOffset At, IReadOnlyList<MediaText>? Media = null,
    string? ConsentId = null);
