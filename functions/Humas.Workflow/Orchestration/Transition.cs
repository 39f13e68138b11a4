using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>A state change: the record and one history row, written together.</summary>
public sealed record Transition(
    string SubmissionId, int Step, DateTimeOffset At, SubmissionStatus Status, string Event,
    string? Actor = null, string? OnBehalfOf = null, string? Decision = null, string? Comment = null,
    bool NotifySubmitter = false);
