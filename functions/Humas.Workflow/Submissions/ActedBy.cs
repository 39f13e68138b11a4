namespace Humas.Workflow.Submissions;

/// <summary>
/// Who made a decision, for whom (a backup for the one they stand in for, "a.n."), what they decided and what they
/// wrote, as its history row keeps it. Under all or sequence the actor names every decider of the stage.
/// </summary>
public sealed record ActedBy(string? Actor, string? OnBehalfOf = null, string? Decision = null, string? Comment = null);
