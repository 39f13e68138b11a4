using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

/// <summary>A seat handed on (workflow version 4): the colleague's link keeps the stage's deadline and issue time, as a reminder's would.</summary>
public sealed record HandOnInput(string SubmissionId, int Step, DecisionMade HandedOn, DateTimeOffset Deadline, DateTimeOffset LinkIssuedAt);
