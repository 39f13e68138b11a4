using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

public sealed record AssignmentRequest(string SubmissionId, Stage Stage);
