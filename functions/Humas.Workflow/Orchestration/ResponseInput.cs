namespace Humas.Workflow.Orchestration;

/// <summary>One answer under an all or sequence policy, recorded while the stage keeps waiting for the others.</summary>
public sealed record ResponseInput(string SubmissionId, int Step, DecisionMade Response, IReadOnlyList<string> StillWaitingFor);
