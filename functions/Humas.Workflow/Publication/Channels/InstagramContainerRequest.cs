namespace Humas.Workflow.Publication.Channels;

/// <summary>A look at, or the publication of, one Instagram container of try <paramref name="Attempt"/>.</summary>
public sealed record InstagramContainerRequest(string SubmissionId, string Container, int Attempt);
