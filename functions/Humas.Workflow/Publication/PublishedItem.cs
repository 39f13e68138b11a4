namespace Humas.Workflow.Publication;

/// <summary>An item on the office's own public feed, as it was when published.</summary>
public sealed record PublishedItem(
    string Id, string Title, string? Summary, string? Body, string ContentType, string? Team, string? Region,
    string? Program, bool PriorityProgram, IReadOnlyList<PublishedMedia> Media, DateTimeOffset PublishedAt, string Url);
