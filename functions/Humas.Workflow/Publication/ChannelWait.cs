using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Publication;

/// <summary>A channel's Waiting record to keep, and the history step the orchestration numbered it with.</summary>
public sealed record ChannelWait(string SubmissionId, int Step, PublicationRecord Record);
