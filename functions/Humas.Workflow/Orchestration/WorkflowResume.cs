namespace Humas.Workflow.Orchestration;

/// <summary>The last good state a restarted workflow goes on from: a stage and its round, and the history step it had reached.</summary>
public sealed record WorkflowResume(ResumePoint At, int Round, int Step);
