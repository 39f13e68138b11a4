using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Recovery;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Humas.Workflow.Tests.Mail;

/// <summary>Every mail, rendered with script in each text a person or a channel can put in it.</summary>
public sealed class MailTemplateTests
{
    private const string Hostile = "<script>alert(1)</script>";
    private const string Encoded = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private const string Url = "https://humas.example/act/abc?sig=1&k=2";

    private static readonly UnitProfile Unit = UnitProfileLoader.Load("bbpmp-jateng");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly MailRenderer Renderer = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    private static readonly Submission Item = new()
    {
        Id = "20261128-abc",
        Content = new SubmissionContent
        {
            Title = "Judul " + Hostile, Summary = "Ringkasan " + Hostile, Body = "Paragraf satu " + Hostile + "\nbaris dua\n\nParagraf dua",
            ContentType = "news", Channels = ["website", "media-partner"], Track = "internal",
            SubmitterName = "Ani " + Hostile, SubmitterEmail = "ani@example.org",
        },
        Status = SubmissionStatus.WorkflowFailed, FailedFrom = SubmissionStatus.InReview,
    };

    private static readonly Person Someone = new("reviewer", "Budi " + Hostile, "", "budi@example.org");

    public static TheoryData<string> Mails() => new()
    {
        "review", "reminder", "escalation", "revision", "outcome", "press-release", "failed-staff", "failed-submitter", "stopped", "summary",
    };

    private static Task<OutgoingMail> Render(string mail) => mail switch
    {
        "review" => WorkflowMails.DecisionRequestAsync(Renderer, Unit, Item, Stage.Review, Someone, Url, Now, "Catatan " + Hostile),
        "reminder" => WorkflowMails.DecisionRequestAsync(Renderer, Unit, Item, Stage.Approval, Someone, Url, Now, null, Notice.Reminder),
        "escalation" => WorkflowMails.DecisionRequestAsync(Renderer, Unit, Item, Stage.Approval, Someone, Url, Now, null, Notice.Escalation, "Citra " + Hostile),
        "revision" => WorkflowMails.DecisionRequestAsync(Renderer, Unit, Item, Stage.Revision, Someone, Url, Now, "Perbaiki " + Hostile),
        "outcome" => WorkflowMails.OutcomeAsync(Renderer, Unit, Item,
            new Transition(Item.Id, 7, Now, SubmissionStatus.Published, "Published", "Dewi " + Hostile, "Eko " + Hostile, null, "Selamat " + Hostile), Url),
        "press-release" => PublicationMails.PressReleaseAsync(Renderer, Unit, Item, new MediaPartner("Redaksi " + Hostile, "redaksi@example.org", "local"),
            Url, [("foto " + Hostile + ".jpg", "https://humas.example/media/20261128-abc/foto.jpg")], new Person("humas-team", "Humas " + Hostile, "", "humas@example.org")),
        "failed-staff" => PublicationMails.FailedAsync(Renderer, Unit, Item, "instagram", "HTTP 400 " + Hostile, "humas@example.org", "Humas " + Hostile, Url, forStaff: true),
        "failed-submitter" => PublicationMails.FailedAsync(Renderer, Unit, Item, "instagram", "HTTP 400 " + Hostile, "ani@example.org", null, Url, forStaff: false),
        "stopped" => RecoveryMails.StoppedAsync(Renderer, Unit, Item, new StoppedWorkflow(Item.Id, "Failed", "InvalidOperationException", "Gagal " + Hostile, Now),
            new Person("humas-team", "Humas " + Hostile, "", "humas@example.org"), Url, "https://humas.example/api/submissions/20261128-abc"),
        "summary" => SummaryDocument.MailAsync(Renderer, Unit, Snapshot(), new Person("kepala", "Kepala " + Hostile, "", "kepala@example.org"), "cid:capaian-target", Url),
        _ => throw new ArgumentOutOfRangeException(nameof(mail)),
    };

    private static WeeklySnapshot Snapshot() => new("now-1", Now, new TargetReport
    {
        Unit = Unit.Id, Year = 2026, AsOf = Now, YearElapsed = 0.9,
        Targets = [new TargetProgress("t1", "p", "Webinar " + Hostile, "Webinars " + Hostile, 5, 1, 4, PaceStatus.Behind, 3, 20)],
        PublishedItems = 2, ByTeam = [], ByChannel = [], ByMonth = [], ByContentType = [],
        Registers = new RegisterCounts(1, 1, 0),
        Coverage = new RegionCoverage(35, 2, [], [new CountBy("r1", "Kab. " + Hostile, 0)]),
    }, [new WaitingDecision(Item.Id, Item.Content.Title, Stage.Review, 1, ["Budi " + Hostile], Now.AddDays(-5), null)]);

    [Theory]
    [MemberData(nameof(Mails))]
    public async Task Script_in_any_text_is_encoded_in_the_html_and_literal_in_the_text(string name)
    {
        var mail = await Render(name);

        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Encoded, mail.Html);
        Assert.Contains(Hostile, mail.Text);
        Assert.DoesNotContain("&lt;", mail.Text);
        Assert.DoesNotContain("<p>", mail.Text);
        Assert.DoesNotContain('\n', mail.Subject);
        // One layout: the greeting first, the footer last, Indonesian before English.
        Assert.StartsWith("Yth. ", mail.Text);
        Assert.Contains("Email otomatis dari alur publikasi konten", mail.Text);
        Assert.True(mail.Text.IndexOf("Email otomatis", StringComparison.Ordinal) < mail.Text.IndexOf("An automatic email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decision_request_names_the_content_type_and_keeps_its_link_in_both_bodies()
    {
        var mail = await Render("review");

        Assert.Contains("Jenis / Type: Berita / News", mail.Text);
        Assert.Contains("Ringkasan / Summary: Ringkasan " + Hostile, mail.Text);
        Assert.Contains("Kanal / Channels: Situs web / Website, ", mail.Text);
        Assert.Contains("Jalur / Track: ", mail.Text);
        Assert.DoesNotContain("Jalur / Track: internal", mail.Text);
        Assert.Contains("Tanpa media", mail.Text);
        // One button per decision, each to the confirmation page with it chosen, in both bodies.
        foreach (var (d, words) in new[] { ("accept", "Terima / Accept"), ("revise", "Minta revisi / Ask for revision"), ("reject", "Tolak / Reject") })
        {
            Assert.Contains($"href=\"https://humas.example/act/abc?sig=1&amp;k=2&amp;decision={d}\"", mail.Html);
            Assert.Contains($"{words}: {Url}&decision={d}", mail.Text);
        }
        Assert.DoesNotContain("Buka / Open", mail.Text);
        Assert.Contains("Pengaju / Submitter: Ani <script>alert(1)</script> <ani@example.org>", mail.Text);
        Assert.Contains("balas ke Tim Humas (humas@bbpmp-jateng.example)", mail.Text);
        Assert.StartsWith("[BBPMP Jawa Tengah] Mohon tinjau / Please review: Judul <script>", mail.Subject);
    }

    [Fact]
    public async Task The_published_mail_gives_each_channels_address_and_a_rejection_quotes_its_decider_and_names_whom_to_answer()
    {
        var published = await WorkflowMails.OutcomeAsync(Renderer, Unit, Item,
            new Transition(Item.Id, 7, Now, SubmissionStatus.Published, "Published", NotifySubmitter: true), Url,
            [new PublicationRecord("website", PublicationStatus.Published, "1", "https://humas.example/published/20261128-abc", Now, null),
             new PublicationRecord("instagram", PublicationStatus.Published, "2", "https://instagram.example/p/xyz", Now, null),
             new PublicationRecord("youtube", PublicationStatus.Failed, null, null, Now, null)]);
        Assert.Contains("- Situs web / Website: https://humas.example/published/20261128-abc", published.Text);
        Assert.Contains("- Instagram: https://instagram.example/p/xyz", published.Text);
        Assert.DoesNotContain("YouTube", published.Text);
        Assert.Contains("Pertanyaan? Balas ke Tim Humas (humas@bbpmp-jateng.example).", published.Text);

        var rejected = await WorkflowMails.OutcomeAsync(Renderer, Unit, Item,
            new Transition(Item.Id, 4, Now, SubmissionStatus.Rejected, "Rejected", "Dewi Lestari", null, "reject", "Foto kurang jelas.", true), Url);
        Assert.Contains("Catatan dari Dewi Lestari / Comment from Dewi Lestari:\n\nFoto kurang jelas.", rejected.Text);
        Assert.Contains("Balas ke Tim Humas", rejected.Text);

        var revise = await Render("revision");
        Assert.Contains("Perbaiki " + Hostile, revise.Text);
        Assert.Contains("Pertanyaan tentang catatan ini: balas ke Tim Humas (humas@bbpmp-jateng.example).", revise.Text);
        Assert.Contains($"Buka / Open: {Url}", revise.Text);
    }

    [Fact]
    public async Task A_press_release_keeps_the_paragraphs_and_line_breaks_of_the_body_and_lists_the_media()
    {
        var mail = await Render("press-release");

        Assert.Contains("Paragraf satu " + Hostile + "\nbaris dua\n\nParagraf dua", mail.Text);
        Assert.Contains("- foto " + Hostile + ".jpg: https://humas.example/media/20261128-abc/foto.jpg", mail.Text);
        Assert.Contains("Kontak / Contact: Humas " + Hostile + " <humas@example.org>", mail.Text);
    }

    [Fact]
    public async Task A_failure_names_the_channel_in_words_and_tells_staff_the_exact_retry()
    {
        var staff = await Render("failed-staff");
        var submitter = await Render("failed-submitter");

        Assert.Contains("gagal diterbitkan di kanal Instagram", staff.Text);
        Assert.Contains("POST /api/submissions/20261128-abc/publications/instagram/retry", staff.Text);
        Assert.Contains("Gagal terbit di instagram / Publication failed on instagram", submitter.Subject);
        Assert.Contains("Yth. ani@example.org,", submitter.Text);
        Assert.DoesNotContain("/retry", submitter.Text);
    }

    [Fact]
    public async Task The_summary_reads_each_target_as_a_sentence_in_text_and_its_snapshot_is_encoded_too()
    {
        var mail = await Render("summary");

        Assert.Contains("- Webinar " + Hostile + ": 1 dari 5 (seharusnya 4), tertinggal 3", mail.Text);
        Assert.DoesNotContain("Capaian / Reached", mail.Text);
        Assert.Contains("Konten terbit / Published items: 2", mail.Text);
        Assert.Contains("Cakupan wilayah / Region coverage: 2 dari 35", mail.Text);
        Assert.Contains("Keputusan tertunda melewati batas / Overdue pending decisions: 1", mail.Text);
        Assert.Contains("src=\"cid:capaian-target\"", mail.Html);

        var page = await SummaryDocument.PageAsync(Renderer, Unit, Snapshot(), "data:image/png;base64,AAAA", Url);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Encoded, page);
    }

    [Fact]
    public void Text_is_read_off_the_markup_with_entities_decoded_and_the_head_left_out()
    {
        var text = MailText.FromHtml(
            "<!DOCTYPE html><html><head><title>T</title></head><body><p>Satu &amp; <strong>dua</strong>\n   tiga<br>empat</p>"
            + "<ul><li>a</li><li>b</li></ul><p><a href=\"https://x.example/?a=1&amp;b=2\">Buka</a></p>"
            + "<table><tr data-text=\"\"><th>H</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>");

        Assert.Equal("Satu & dua tiga\nempat\n\n- a\n- b\n\nBuka: https://x.example/?a=1&b=2\n\n1 · 2\n", text);
    }
}
