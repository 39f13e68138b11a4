using Humas.Workflow.Profiles;

namespace Humas.Workflow.Orchestration;

/// <summary>Who decides a stage and how their answers combine, after four-eyes.</summary>
public sealed record StageAssignment(DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, IReadOnlyList<string> Skipped);
