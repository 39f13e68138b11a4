using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// A container's status_code (IN_PROGRESS, FINISHED, ERROR, EXPIRED, PUBLISHED), or the Failed record of the try when
/// Instagram could not be asked.
/// </summary>
public sealed record InstagramContainerStatus(string Code, PublicationRecord? Failed = null);
