namespace Humas.Workflow.Orchestration;

/// <summary>The submitter withdrew from the tracking page.</summary>
public sealed record WithdrawalRequested(string By, string? Reason, DateTimeOffset At);
