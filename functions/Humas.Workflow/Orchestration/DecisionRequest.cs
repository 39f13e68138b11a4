using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <param name="LinkIssuedAt">When the stage's links were first issued: a reminder repeats the same link.</param>
public sealed record DecisionRequest(
    string SubmissionId, int Step, DateTimeOffset At, Stage Stage, int Round, DateTimeOffset Deadline,
    DecisionPolicy Policy, IReadOnlyList<Assignee> Deciders, Notice Notice, DateTimeOffset LinkIssuedAt, string? Comment = null);
