namespace Humas.Workflow.Takedown;

/// <summary>The end of a takedown: every channel's record, and the reason and person the history row names.</summary>
public sealed record TakedownTotal(string SubmissionId, string Reason, string By, IReadOnlyList<TakedownRecord> Records);
