using Humas.Workflow.Submissions;

namespace Humas.Workflow.Rounds;

/// <summary>What changed in a revised submission since the round before; <see cref="Kept"/> false where that round was not kept.</summary>
public sealed record RoundChanges(
    int Round, bool Kept, IReadOnlyList<DiffPiece> Title, IReadOnlyList<DiffPiece> Summary, IReadOnlyList<DiffPiece> Body,
    IReadOnlyList<string> MediaAdded, IReadOnlyList<string> MediaRemoved)
{
    /// <summary>The changes of the submission's current round, or null in its first round (nothing came before).</summary>
    public static RoundChanges? Of(Submission s, RoundSnapshot? previous)
    {
        if (s.Round < 2) return null;
        if (previous is null) return new RoundChanges(s.Round, false, [], [], [], [], []);
        var names = s.Media.Select(m => m.Name).ToList();
        return new RoundChanges(s.Round, true,
            WordDiff.Compare(previous.Title, s.Content.Title),
            WordDiff.Compare(previous.Summary, s.Content.Summary),
            WordDiff.Compare(previous.Body, s.Content.Body),
            names.Except(previous.MediaNames, StringComparer.Ordinal).ToList(),
            previous.MediaNames.Except(names, StringComparer.Ordinal).ToList());
    }

    public static bool Changed(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);
}
