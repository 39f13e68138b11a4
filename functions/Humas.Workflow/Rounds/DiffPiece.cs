namespace Humas.Workflow.Rounds;

/// <summary>A run of words that both texts have, or that only the new one (inserted) or the old one (deleted) has.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);
