namespace Humas.Workflow.Rounds;

/// <summary>
/// A round's content as the deciders saw it, kept when the submitter revises it, so that the next round can show what
/// changed. Rounds revised before snapshots were kept have none.
/// </summary>
public sealed record RoundSnapshot(int Round, string Title, string? Summary, string? Body, IReadOnlyList<string> MediaNames)
{
    public static string Key(int round) => $"round-{round:D3}";
}
