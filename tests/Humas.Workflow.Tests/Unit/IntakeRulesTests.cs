using Humas.Workflow.Configuration;
using Humas.Workflow.Intake;
using Humas.Workflow.Media;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Tests.Unit;

public sealed class IntakeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly UnitProfile Unit = UnitProfileLoader.Load("bbpmp-jateng");
    private readonly SubmissionValidator validator = new(Unit, new IntakeOptions());

    private static SubmissionFields Fields(params (string Name, string Value)[] values)
    {
        var f = new SubmissionFields();
        foreach (var (n, v) in values) f.Add(n, v);
        return f;
    }

    [Fact]
    public void A_complete_submission_is_accepted_with_defaults_and_normalised_values()
    {
        var content = validator.Validate(Fields(("title", " Lokakarya "), ("submitterEmail", "Ani@Example.org"),
            ("region", "Kota Semarang"), ("channels", "website,instagram"), ("priorityProgram", "on"),
            ("publishAt", "2026-12-01T09:00:00+07:00")), Now, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(content);
        Assert.Equal("Lokakarya", content.Title);
        Assert.Equal("ani@example.org", content.SubmitterEmail);
        Assert.Equal("3374", content.Region);
        Assert.Equal(["website", "instagram"], content.Channels);
        Assert.Equal("news", content.ContentType);
        Assert.Equal("internal", content.Track);
        Assert.True(content.PriorityProgram);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), content.PublishAt);
    }

    [Theory]
    [InlineData("title", "", "title")]
    [InlineData("submitterEmail", "not-an-email", "submitterEmail")]
    [InlineData("submitterEmail", "Ani <ani@example.org>", "submitterEmail")]
    [InlineData("contentType", "meme", "contentType")]
    [InlineData("channels", "myspace", "channels")]
    [InlineData("track", "secret", "track")]
    [InlineData("region", "3501", "region")]
    [InlineData("team", "tim-kerja-9", "team")]
    [InlineData("priorityProgram", "maybe", "priorityProgram")]
    [InlineData("publishAt", "2026-12-01T09:00:00", "publishAt")]
    [InlineData("publishAt", "2020-01-01T00:00:00+07:00", "publishAt")]
    [InlineData("publishAt", "tomorrow", "publishAt")]
    public void Each_bad_field_is_named(string field, string value, string expected)
    {
        var values = new List<(string, string)> { ("title", "Judul"), ("submitterEmail", "ani@example.org") };
        values.RemoveAll(v => v.Item1 == field);
        values.Add((field, value));
        Assert.Null(validator.Validate(Fields([.. values]), Now, out var errors));
        Assert.Equal([expected], errors.Keys);
    }

    [Fact]
    public void Missing_title_and_email_are_both_reported()
    {
        Assert.Null(validator.Validate(Fields(("summary", "x")), Now, out var errors));
        Assert.Contains("title", errors.Keys);
        Assert.Contains("submitterEmail", errors.Keys);
    }

    [Fact]
    public void An_overlong_title_is_refused()
    {
        Assert.Null(validator.Validate(Fields(("title", new string('a', 301)), ("submitterEmail", "a@b.co")), Now, out var errors));
        Assert.Contains("title", errors.Keys);
    }

    private static byte[] Bytes(params int[] b) => b.Select(x => (byte)x).Concat(new byte[16]).Take(16).ToArray();

    [Theory]
    [InlineData("foto.jpg", "image/jpeg", "image/jpeg")]
    [InlineData("foto.JPEG", "image/jpg", "image/jpeg")]
    [InlineData("foto.jpg", "application/octet-stream", "image/jpeg")]
    [InlineData("foto.jpg", null, "image/jpeg")]
    public void A_real_jpeg_is_accepted(string name, string? declared, string expected)
    {
        Assert.Equal(expected, MediaInspector.Inspect(name, declared, Bytes(0xFF, 0xD8, 0xFF, 0xE0), 16));
    }

    [Fact]
    public void An_executable_named_jpg_is_refused()
    {
        Assert.Null(MediaInspector.Inspect("foto.jpg", "image/jpeg", Bytes(0x7F, 'E', 'L', 'F', 2, 1, 1), 16));
        Assert.Null(MediaInspector.Inspect("foto.jpg", "image/jpeg", Bytes('M', 'Z', 0x90, 0), 16));
    }

    [Fact]
    public void A_png_claimed_as_jpeg_or_declared_as_pdf_is_refused()
    {
        var png = Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        Assert.Null(MediaInspector.Inspect("foto.jpg", null, png, 16));
        Assert.Null(MediaInspector.Inspect("foto.png", "application/pdf", png, 16));
        Assert.Equal("image/png", MediaInspector.Inspect("foto.png", "image/png", png, 16));
    }

    [Theory]
    [InlineData("video.mp4", "video/mp4", "0000001866747970")]
    [InlineData("suara.mp3", "audio/mpeg", "49443304")]
    [InlineData("laporan.pdf", "application/pdf", "255044462D")]
    [InlineData("suara.ogg", "audio/ogg", "4F676753")]
    public void Other_office_media_are_recognised(string name, string type, string head)
    {
        Assert.Equal(type, MediaInspector.Inspect(name, type, Bytes(Convert.FromHexString(head).Select(b => (int)b).ToArray()), 16));
    }

    [Fact]
    public void An_unknown_extension_is_not_allowed()
    {
        Assert.False(MediaInspector.IsAllowedExtension("setup.exe"));
        Assert.False(MediaInspector.IsAllowedExtension("foto"));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("C:\\Users\\ani\\foto kegiatan.jpg", "foto-kegiatan.jpg")]
    [InlineData("foto\u0000\u0007.jpg", "foto.jpg")]
    [InlineData(".jpg", "berkas.jpg")]
    public void File_names_lose_paths_and_control_characters(string given, string expected)
    {
        var safe = MediaFileNames.Safe(given);
        Assert.Equal(expected, safe);
        Assert.DoesNotContain('/', safe);
    }
}
