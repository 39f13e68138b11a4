namespace Humas.Workflow.Publication;

/// <summary>A published item's medium; <see cref="Alt"/> and <see cref="Caption"/> are null on items published before they were asked.</summary>
public sealed record PublishedMedia(string Name, string ContentType, long Size, string Url, string? Alt = null, string? Caption = null, string? Transcript = null);
