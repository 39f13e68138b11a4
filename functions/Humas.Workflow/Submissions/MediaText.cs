namespace Humas.Workflow.Submissions;

/// <summary>What a revision says about one of the submission's files, in their order; null keeps what it had.</summary>
public sealed record MediaText(string? Alt, string? Caption, bool? Minors, string? Transcript = null);
