using System.Text;
using Humas.Workflow.Intake;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Unit;

public sealed class CaptionFilesTests
{
    private const string Vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSelamat pagi, <i>Bapak dan Ibu</i> guru.\n\n01:02.500 --> 01:05.000\n<v Kepala>Terima kasih.\n";
    private const string Srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nSelamat pagi.\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,000\r\nTerima kasih.\r\n";

    private static string? Problem(string name, byte[] bytes, out string format) => CaptionFiles.Problem(new CaptionUpload(name, bytes), out format, out _);

    private static string? Problem(string name, string text) => Problem(name, Encoding.UTF8.GetBytes(text), out _);

    [Fact]
    public void A_WebVTT_file_with_a_header_and_timed_cues_passes_as_vtt()
    {
        Assert.Null(Problem("liputan.vtt", Encoding.UTF8.GetBytes(Vtt), out var format));
        Assert.Equal("vtt", format);
    }

    [Fact]
    public void A_WebVTT_file_with_a_byte_order_mark_and_a_header_text_passes()
    {
        Assert.Null(Problem("liputan.vtt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Vtt.Replace("WEBVTT\n", "WEBVTT - Liputan lokakarya\n"))], out _));
    }

    [Fact]
    public void An_SRT_file_with_numbered_cues_passes_as_srt()
    {
        Assert.Null(Problem("liputan.srt", Encoding.UTF8.GetBytes(Srt), out var format));
        Assert.Equal("srt", format);
    }

    [Fact]
    public void Caption_text_without_a_file_name_is_told_by_its_header()
    {
        Assert.Null(Problem("captions", Encoding.UTF8.GetBytes(Vtt), out var vtt));
        Assert.Equal("vtt", vtt);
        Assert.Null(Problem("captions", Encoding.UTF8.GetBytes(Srt), out var srt));
        Assert.Equal("srt", srt);
    }

    [Theory]
    [InlineData("liputan.vtt", "00:00:01.000 --> 00:00:04.000\nTanpa kepala\n", "WEBVTT")]
    [InlineData("liputan.vtt", "WEBVTTX\n\n00:00:01.000 --> 00:00:04.000\nSalah\n", "WEBVTT")]
    [InlineData("liputan.vtt", "WEBVTT\n\nHanya teks tanpa waktu\n", "timed cue")]
    [InlineData("liputan.vtt", "1\n00:00:01,000 --> 00:00:04,000\nSRT dengan nama vtt\n", "WEBVTT")]
    [InlineData("liputan.srt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nVTT dengan nama srt\n", "SRT")]
    [InlineData("liputan.srt", "Selamat pagi tanpa nomor\n", "SRT")]
    [InlineData("liputan.txt", Vtt, ".vtt")]
    [InlineData("liputan.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<script>alert(1)</script>\n", "<script>")]
    [InlineData("liputan.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<img src=x onerror=alert(1)>\n", "<img>")]
    [InlineData("liputan.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nbel\u0007\n", "control")]
    public void A_file_that_is_not_what_it_claims_is_refused_with_the_reason(string name, string text, string reason)
    {
        var problem = Problem(name, text);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Binary_bytes_in_an_srt_are_refused_as_not_UTF8()
    {
        var problem = Problem("liputan.srt", [.. Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:04,000\n"), 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], out _);
        Assert.Contains("UTF-8", problem);
    }

    [Fact]
    public void An_empty_or_oversize_file_is_refused()
    {
        Assert.Contains("empty", Problem("liputan.vtt", [], out _));
        var big = Encoding.UTF8.GetBytes(Vtt + new string('a', CaptionFiles.MaxBytes));
        Assert.Contains("KB", Problem("liputan.vtt", big, out _));
    }

    [Fact]
    public void Intake_keeps_a_videos_transcript_and_names_its_caption_blob_beside_it()
    {
        var video = new MediaItem("liputan.mp4", "video/mp4", 100, "20261201-x/00-liputan.mp4");
        var errors = new Dictionary<string, string[]>();
        var items = MediaTextRules.Apply([video], [new MediaDetail(null, null, null, "no", "Sambutan kepala balai.\nTerima kasih.", new CaptionUpload("liputan.vtt", Encoding.UTF8.GetBytes(Vtt)))], "media", errors);
        Assert.Empty(errors);
        Assert.Equal("Sambutan kepala balai.\nTerima kasih.", items[0].Transcript);
        Assert.Equal("20261201-x/00-liputan.mp4.captions.vtt", items[0].Captions);
        Assert.Equal("vtt", items[0].CaptionsFormat);
    }

    [Fact]
    public void A_caption_file_or_transcript_on_an_image_is_refused_naming_the_field()
    {
        var photo = new MediaItem("kegiatan.jpg", "image/jpeg", 100, "b0");
        var errors = new Dictionary<string, string[]>();
        MediaTextRules.Apply([photo], [new MediaDetail(null, "Guru berdiskusi di aula", null, "no", "Transkrip", new CaptionUpload("a.vtt", Encoding.UTF8.GetBytes(Vtt)))], "media", errors);
        Assert.Contains("media[0].transcript", errors.Keys);
        Assert.Contains("media[0].captions", errors.Keys);
    }

    [Fact]
    public void An_oversize_transcript_is_refused_naming_the_field()
    {
        var audio = new MediaItem("siniar.mp3", "audio/mpeg", 100, "b0");
        var errors = new Dictionary<string, string[]>();
        MediaTextRules.Apply([audio], [new MediaDetail(null, null, null, null, new string('a', MediaTextRules.TranscriptMax + 1))], "media", errors);
        Assert.Contains(".vtt", Assert.Single(errors["media[0].transcript"]));
    }

    [Fact]
    public void Where_captions_are_required_a_recording_without_either_is_named_and_an_image_is_not()
    {
        var errors = new Dictionary<string, string[]>();
        MediaTextRules.RequireCaptions([new("kegiatan.jpg", "image/jpeg", 1, "b0"), new("liputan.mp4", "video/mp4", 1, "b1"),
            new("siniar.mp3", "audio/mpeg", 1, "b2", Transcript: "Ada")], "media", errors);
        Assert.Equal(["media[1].transcript"], errors.Keys);
    }

    [Fact]
    public void The_BBPMP_profile_asks_captions_of_video_and_podcast_as_an_automatic_checklist_item()
    {
        var unit = UnitProfileLoader.Load("bbpmp-jateng");
        foreach (var type in new[] { ContentTypes.Video, ContentTypes.Podcast })
            Assert.Contains(unit.ChecklistFor(type), i => i.Automatic == Submission.CaptionsItem && i.Required);
        var s = new Submission
        {
            Id = "x", Content = new SubmissionContent { Title = "t", ContentType = ContentTypes.Video, Track = "internal", Channels = ["website"], SubmitterEmail = "a@b.c" },
            Media = [new("liputan.mp4", "video/mp4", 1, "b1")], Gated = true,
        };
        Assert.False(Assert.Single(s.Checklist(unit, [])).Done);
        Assert.Equal(["checklist.captions"], s.MissingToPass(Stage.Review, unit, []));
        Assert.True(Assert.Single((s with { Media = [s.Media[0] with { Transcript = "Ada" }] }).Checklist(unit, [])).Done);
    }
}
