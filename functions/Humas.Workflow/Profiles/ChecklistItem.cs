namespace Humas.Workflow.Profiles;

/// <summary>
/// One item of a content type's checklist. The deciders tick it on their decision page, unless it is
/// <see cref="Automatic"/>: then the submission itself says whether it is done (<c>alt</c>: every image has alt text).
/// </summary>
public sealed record ChecklistItem
{
    public required string Key { get; init; }
    public required string Id { get; init; }
    public required string En { get; init; }
    public bool Required { get; init; } = true;
    public string? Automatic { get; init; }
}
