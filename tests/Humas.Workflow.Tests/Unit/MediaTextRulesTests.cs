using Humas.Workflow.Intake;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Unit;

public sealed class MediaTextRulesTests
{
    private static readonly MediaItem Photo = new("kegiatan.jpg", "image/jpeg", 100, "b0");
    private static readonly MediaItem Video = new("liputan.mp4", "video/mp4", 100, "b1");
    private static readonly MediaItem Pdf = new("surat.pdf", "application/pdf", 100, "b2");

    private static (IReadOnlyList<MediaItem> Items, Dictionary<string, string[]> Errors) Apply(
        IReadOnlyList<MediaItem> items, params MediaDetail?[] details)
    {
        var errors = new Dictionary<string, string[]>();
        return (MediaTextRules.Apply(items, details, "media", errors), errors);
    }

    [Fact]
    public void A_described_photo_keeps_its_alt_text_caption_and_minors()
    {
        var (items, errors) = Apply([Photo, Pdf], new MediaDetail(null, "Guru SD berdiskusi di aula", "Foto: Tim Humas", "yes"), null);
        Assert.Empty(errors);
        Assert.Equal("Guru SD berdiskusi di aula", items[0].Alt);
        Assert.Equal("Foto: Tim Humas", items[0].Caption);
        Assert.True(items[0].Minors);
        Assert.Null(items[1].Minors); // a document is not asked about people
    }

    [Theory]
    [InlineData(null, "media[0].alt")]
    [InlineData("kegiatan.jpg", "media[0].alt")]
    [InlineData("kegiatan", "media[0].alt")]
    [InlineData("DSC_0042.JPG", "media[0].alt")]
    [InlineData("IMG 20261201 0931", "media[0].alt")]
    [InlineData("baris\nkedua", "media[0].alt")]
    public void A_photo_without_a_real_description_is_refused_naming_its_field(string? alt, string field)
    {
        var (_, errors) = Apply([Photo], new MediaDetail(null, alt, null, "no"));
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Alt_text_is_at_most_250_characters()
    {
        Assert.Empty(Apply([Photo], new MediaDetail(null, new string('a', 250), null, "no")).Errors);
        Assert.Contains("media[0].alt", Apply([Photo], new MediaDetail(null, new string('a', 251), null, "no")).Errors.Keys);
    }

    [Fact]
    public void The_same_words_for_two_images_are_refused_on_the_second()
    {
        var second = Photo with { Name = "kedua.jpg", BlobName = "b3" };
        var (_, errors) = Apply([Photo, second], new MediaDetail(null, "Guru berdiskusi", null, "no"), new MediaDetail(null, "guru  berdiskusi", null, "no"));
        Assert.Equal(["media[1].alt"], errors.Keys);
        Assert.Contains("media[0].alt", errors["media[1].alt"][0]);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("ya", true)]
    [InlineData("tidak", false)]
    public void Minors_is_a_yes_or_no(string given, bool kept)
    {
        var (items, errors) = Apply([Video], new MediaDetail(null, null, null, given));
        Assert.Empty(errors);
        Assert.Equal(kept, items[0].Minors);
    }

    [Fact]
    public void A_photo_or_video_must_say_whether_children_appear_and_nothing_else_than_yes_or_no()
    {
        Assert.Equal(["media[0].minors"], Apply([Video], new MediaDetail(null, null, null, null)).Errors.Keys);
        Assert.Equal(["media[0].minors"], Apply([Video], new MediaDetail(null, null, null, "maybe")).Errors.Keys);
        Assert.Empty(Apply([Pdf], new MediaDetail(null, null, null, null)).Errors);
    }
}
