namespace Humas.Workflow.Orchestration;

/// <summary>The submitter's revised content, raised by the revise form.</summary>
public sealed record RevisionSubmitted(
    int Round, string Title, string? Summary, string? Body, string? Comment, DateTimeOffset At);
