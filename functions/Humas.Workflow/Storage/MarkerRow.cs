namespace Humas.Workflow.Storage;

/// <summary>A marker row written in the same transaction as a state change (a link the step's mail carries).</summary>
public sealed record MarkerRow(string Key, object Value);
