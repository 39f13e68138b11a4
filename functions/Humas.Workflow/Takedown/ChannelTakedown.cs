namespace Humas.Workflow.Takedown;

/// <summary>One channel's part of a takedown.</summary>
public sealed record ChannelTakedown(string SubmissionId, string Channel, string Reason);
