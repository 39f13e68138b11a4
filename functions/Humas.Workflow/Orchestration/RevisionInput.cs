namespace Humas.Workflow.Orchestration;

public sealed record RevisionInput(string SubmissionId, int Step, RevisionSubmitted Revision);
