using System.Text.RegularExpressions;

namespace Humas.Workflow.Rounds;

/// <summary>
/// The words of one text against another: a longest common subsequence over words, the common start and end taken off
/// first. Whitespace only separates words, so a changed line break alone is no change.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Beyond this many cells of the table (words before × words after, in the changed middle), the middle is shown as removed and added whole.</summary>
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var a = Words(before);
        var b = Words(after);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;

        var pieces = new List<(DiffKind Kind, string Word)>();
        pieces.AddRange(a[..start].Select(w => (DiffKind.Same, w)));
        pieces.AddRange(Middle(a[start..(a.Length - end)], b[start..(b.Length - end)]));
        pieces.AddRange(a[(a.Length - end)..].Select(w => (DiffKind.Same, w)));
        return Merge(pieces);
    }

    private static IEnumerable<(DiffKind, string)> Middle(string[] a, string[] b)
    {
        if ((long)a.Length * b.Length > MaxCells)
            return a.Select(w => (DiffKind.Deleted, w)).Concat(b.Select(w => (DiffKind.Inserted, w)));
        // lcs[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<(DiffKind, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { result.Add((DiffKind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) result.Add((DiffKind.Deleted, a[x++]));
            else result.Add((DiffKind.Inserted, b[y++]));
        }
        while (x < a.Length) result.Add((DiffKind.Deleted, a[x++]));
        while (y < b.Length) result.Add((DiffKind.Inserted, b[y++]));
        return result;
    }

    private static List<DiffPiece> Merge(IEnumerable<(DiffKind Kind, string Word)> words)
    {
        var merged = new List<DiffPiece>();
        foreach (var (kind, word) in words)
        {
            if (merged.Count > 0 && merged[^1].Kind == kind) merged[^1] = merged[^1] with { Text = merged[^1].Text + " " + word };
            else merged.Add(new DiffPiece(kind, word));
        }
        return merged;
    }

    private static string[] Words(string? text) =>
        text is null ? [] : WordPattern().Matches(text).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();
}
