namespace Humas.Workflow.Targets;

/// <summary>One item a partner medium carried.</summary>
public sealed record CarriedItem(
    string Id, string MediumId, string Title, string Url, DateOnly PublishedOn, string? SubmissionId, DateTimeOffset RecordedAt);
