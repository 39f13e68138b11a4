namespace Humas.Workflow.Takedown;

/// <summary>A published submission to take down: why, and who asked (staff, or the register when its consent was withdrawn).</summary>
public sealed record TakedownRequest(string SubmissionId, string Reason, string By);
