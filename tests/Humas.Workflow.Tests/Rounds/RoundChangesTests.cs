using Humas.Workflow.Rounds;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Rounds;

public sealed class RoundChangesTests
{
    private static Submission Item(int round, params string[] media) => new()
    {
        Id = "20261201-0000000001", Round = round,
        Content = new SubmissionContent { Title = "Judul baru", Summary = "Ringkasan", Body = "Isi", ContentType = "news", Channels = ["website"], Track = "internal", SubmitterEmail = "ani@example.org" },
        Media = media.Select(n => new MediaItem(n, "image/jpeg", 1, "blob/" + n)).ToList(),
    };

    [Fact]
    public void The_first_round_has_nothing_to_compare() => Assert.Null(RoundChanges.Of(Item(1), null));

    [Fact]
    public void A_round_revised_before_rounds_were_kept_says_so()
    {
        var changes = RoundChanges.Of(Item(2), null)!;
        Assert.False(changes.Kept);
        Assert.Empty(changes.Title);
    }

    [Fact]
    public void Media_added_and_removed_are_named_by_file()
    {
        var changes = RoundChanges.Of(Item(3, "a.jpg", "c.jpg"), new RoundSnapshot(2, "Judul lama", "Ringkasan", "Isi", ["a.jpg", "b.jpg"]))!;
        Assert.True(changes.Kept);
        Assert.Equal(["c.jpg"], changes.MediaAdded);
        Assert.Equal(["b.jpg"], changes.MediaRemoved);
        Assert.True(RoundChanges.Changed(changes.Title));
        Assert.False(RoundChanges.Changed(changes.Summary));
    }
}
