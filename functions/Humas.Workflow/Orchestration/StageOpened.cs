namespace Humas.Workflow.Orchestration;

/// <summary>An opened stage: who decides it and how (a later group of a sequence: as asked), and its wait's times.</summary>
public sealed record StageOpened(StageAssignment Assignment, DeadlinePlan Plan);
