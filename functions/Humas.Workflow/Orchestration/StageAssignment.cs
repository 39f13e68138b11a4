using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>Who decides a stage and how their answers combine, after four-eyes.</summary>
public sealed record StageAssignment(DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, IReadOnlyList<string> Skipped);
