using Humas.Workflow.Rounds;

namespace Humas.Workflow.Tests.Rounds;

public sealed class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffPiece> pieces) => string.Join(" ", pieces.Select(p => p.Kind switch
    {
        DiffKind.Inserted => $"[+{p.Text}]",
        DiffKind.Deleted => $"[-{p.Text}]",
        _ => p.Text,
    }));

    [Theory]
    [InlineData("Rapat koordinasi guru", "Rapat koordinasi guru", "Rapat koordinasi guru")]
    [InlineData("Rapat guru", "Rapat koordinasi guru", "Rapat [+koordinasi] guru")]
    [InlineData("Rapat koordinasi guru", "Rapat guru", "Rapat [-koordinasi] guru")]
    [InlineData("Rapat guru SD", "Rapat kepala sekolah SD", "Rapat [-guru] [+kepala sekolah] SD")]
    [InlineData("", "Judul baru", "[+Judul baru]")]
    [InlineData("Judul lama", null, "[-Judul lama]")]
    [InlineData("a b c d", "b c d a", "[-a] b c d [+a]")]
    [InlineData("satu\n\ndua", "satu dua", "satu dua")]
    public void Words_only_in_one_text_are_marked(string? before, string? after, string expected) =>
        Assert.Equal(expected, Show(WordDiff.Compare(before, after)));

    [Fact]
    public void The_common_words_are_the_longest_run_both_share()
    {
        var pieces = WordDiff.Compare("Guru SD mengikuti pelatihan di Semarang", "Guru SMP dan SD mengikuti pelatihan daring");
        Assert.Equal("Guru [+SMP dan] SD mengikuti pelatihan [-di Semarang] [+daring]", Show(pieces));
        Assert.Equal(6, pieces.Where(p => p.Kind != DiffKind.Inserted).Sum(p => p.Text.Split(' ').Length));
    }

    [Fact]
    public void A_middle_too_large_for_the_table_is_shown_removed_and_added_whole()
    {
        var before = string.Join(" ", Enumerable.Range(0, 2100).Select(i => $"a{i}"));
        var after = string.Join(" ", Enumerable.Range(0, 2100).Select(i => $"b{i}"));
        var pieces = WordDiff.Compare("awal " + before + " akhir", "awal " + after + " akhir");
        Assert.Equal([DiffKind.Same, DiffKind.Deleted, DiffKind.Inserted, DiffKind.Same], pieces.Select(p => p.Kind));
    }
}
