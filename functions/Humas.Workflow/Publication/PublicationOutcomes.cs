using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Publication;

/// <summary>What each channel of a submission came to, in the order they were planned, to be kept and told.</summary>
public sealed record PublicationOutcomes(string SubmissionId, IReadOnlyList<PublicationRecord> Records);
