namespace Humas.Workflow.Submissions;

/// <summary>What the submitter wrote, as accepted (and later revised).</summary>
public sealed record SubmissionContent
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public required string ContentType { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public required string Track { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }
    public string? Program { get; init; }
    public bool PriorityProgram { get; init; }
    public string? SubmitterName { get; init; }
    public required string SubmitterEmail { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
}
