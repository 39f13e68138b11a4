using Humas.Workflow.Submissions;

namespace Humas.Workflow.Decisions;

/// <summary>Who took a stage's decision; its row makes every link of that stage single-use.</summary>
public sealed record DecisionClaim(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName, DateTimeOffset At, string? OnBehalfOfName = null);
