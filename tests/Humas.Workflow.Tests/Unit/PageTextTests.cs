using Humas.Workflow.Vocabulary;
using Humas.Workflow.Decisions;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tracking;

namespace Humas.Workflow.Tests.Unit;

/// <summary>What the decision and tracking pages say: the sentence beside each decision, the time left, the history.</summary>
public sealed class PageTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly UnitProfile Unit = UnitProfileLoader.Load("bbpmp-jateng");

    private static UnitProfile WithInternalApproval(DecisionPolicy policy, params string[] deciders) => Unit with
    {
        Tracks = Unit.Tracks.Select(t => t.Id == "internal" ? t with { Approval = new DecisionRoute { Deciders = deciders, Policy = policy } } : t).ToList(),
    };

    private static Submission Waiting(Stage stage, DecisionPolicy policy, string[] awaiting, string submitterEmail = "ani@example.org", DateTimeOffset? publishAt = null) => new()
    {
        Id = "20261128-abc",
        Content = new SubmissionContent
        {
            Title = "Lokakarya", ContentType = "news", Channels = ["website", "media-partner"], Track = "internal",
            SubmitterName = "Ani Wulandari", SubmitterEmail = submitterEmail, PublishAt = publishAt,
        },
        Status = stage.WaitingStatus(), WaitingStage = stage, Round = 1, Policy = policy, Awaiting = awaiting,
    };

    private static LinkToken Link(Stage stage, string person, string? onBehalfOf = null) =>
        new("20261128-abc", "act", stage, 1, person, $"{person}@example.org", Now.AddDays(3), onBehalfOf);

    [Fact]
    public void Accepting_names_the_approver_the_content_goes_to_and_four_eyes_moves_the_seat_to_the_backup()
    {
        var s = Waiting(Stage.Review, DecisionPolicy.Any, ["reviewer"]);
        Assert.Equal("Konten diteruskan ke Kepala Bagian Umum untuk persetujuan.", DecisionPage.Next(Unit, s, Link(Stage.Review, "reviewer"), DecisionValues.Accept, Now, Lang.Id));
        Assert.Equal("The content goes to Kepala Bagian Umum for approval.", DecisionPage.Next(Unit, s, Link(Stage.Review, "reviewer"), DecisionValues.Accept, Now, Lang.En));

        var byTheHead = Waiting(Stage.Review, DecisionPolicy.Any, ["reviewer"], submitterEmail: "kabag.umum@bbpmp-jateng.example");
        Assert.Equal("Konten diteruskan ke Plh. Kepala Bagian Umum untuk persetujuan.",
            DecisionPage.Next(Unit, byTheHead, Link(Stage.Review, "reviewer"), DecisionValues.Accept, Now, Lang.Id));
    }

    [Fact]
    public void Approving_says_where_and_when_it_is_published()
    {
        var now = Waiting(Stage.Approval, DecisionPolicy.Any, ["kabag-umum"]);
        Assert.Equal("Konten langsung diterbitkan di: Situs web, Media mitra.", DecisionPage.Next(Unit, now, Link(Stage.Approval, "kabag-umum"), DecisionValues.Approve, Now, Lang.Id));
        var later = Waiting(Stage.Approval, DecisionPolicy.Any, ["kabag-umum"], publishAt: new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal("The content is scheduled for 1 Dec 2026 09:00 WIB on: Website, Partner media.",
            DecisionPage.Next(Unit, later, Link(Stage.Approval, "kabag-umum"), DecisionValues.Approve, Now, Lang.En));
    }

    [Fact]
    public void Under_all_and_sequence_an_approval_waits_for_the_others_but_a_rejection_closes_at_once()
    {
        var all = WithInternalApproval(DecisionPolicy.All, "kabag-umum", "head");
        var s = Waiting(Stage.Approval, DecisionPolicy.All, ["kabag-umum", "head"]);
        Assert.Equal("Jawaban Anda tercatat; konten lanjut setelah Kepala BBPMP Jawa Tengah juga setuju.",
            DecisionPage.Next(all, s, Link(Stage.Approval, "kabag-umum"), DecisionValues.Approve, Now, Lang.Id));
        Assert.Equal("Pengajuan ditutup; Ani Wulandari diberi tahu beserta catatan Anda.",
            DecisionPage.Next(all, s, Link(Stage.Approval, "kabag-umum"), DecisionValues.Reject, Now, Lang.Id));
        // The backup answers for the seat they stand in: the others are those besides that seat.
        Assert.Contains("Kepala BBPMP Jawa Tengah", DecisionPage.Next(all, s, Link(Stage.Approval, "kabag-umum-backup", "kabag-umum"), DecisionValues.Approve, Now, Lang.Id));

        var sequence = WithInternalApproval(DecisionPolicy.Sequence, "kabag-umum", "pdm07-lead", "head");
        var second = Waiting(Stage.Approval, DecisionPolicy.Sequence, ["pdm07-lead"]);
        Assert.Equal("Your answer is recorded; next, Kepala BBPMP Jawa Tengah decide.",
            DecisionPage.Next(sequence, second, Link(Stage.Approval, "pdm07-lead"), DecisionValues.Approve, Now, Lang.En));
        var last = Waiting(Stage.Approval, DecisionPolicy.Sequence, ["head"]);
        Assert.StartsWith("Konten langsung diterbitkan", DecisionPage.Next(sequence, last, Link(Stage.Approval, "head"), DecisionValues.Approve, Now, Lang.Id));
    }

    [Theory]
    [InlineData(2 * 24 * 60 + 3 * 60 + 20, "sisa 2 hari 3 jam", "2 days 3 hours left")]
    [InlineData(24 * 60, "sisa 1 hari", "1 day left")]
    [InlineData(44.5, "sisa 45 menit", "45 minutes left")]
    [InlineData(-1, "batas waktu sudah lewat", "the deadline has passed")]
    public void Time_left_reads_in_days_and_hours_then_minutes(double minutes, string id, string en)
    {
        Assert.Equal(id, Html.Remaining(TimeSpan.FromMinutes(minutes), Lang.Id));
        Assert.Equal(en, Html.Remaining(TimeSpan.FromMinutes(minutes), Lang.En));
    }

    [Fact]
    public void The_history_shows_times_in_WIB_who_was_asked_and_who_acted_on_whose_behalf()
    {
        var s = Waiting(Stage.Approval, DecisionPolicy.Any, ["kabag-umum"]) with { Status = SubmissionStatus.Scheduled, WaitingStage = null };
        HistoryEntry[] history =
        [
            new() { Step = 0, At = Now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted, Actor = "Ani Wulandari" },
            new() { Step = 1, At = Now.AddMinutes(1), Status = SubmissionStatus.InReview, Event = HistoryEvent.ReviewEscalated, Actor = "Wakil Redaktur Humas", OnBehalfOf = "Redaktur Humas" },
            new() { Step = 2, At = Now.AddMinutes(2), Status = SubmissionStatus.InReview, Event = HistoryEvent.ReviewAccepted, Actor = "Wakil Redaktur Humas", OnBehalfOf = "Redaktur Humas", Comment = "Rapi <b>sekali</b>" },
            new() { Step = 3, At = Now.AddMinutes(3), Status = SubmissionStatus.Scheduled, Event = HistoryEvent.Scheduled, Comment = "2026-12-01T02:00:00.0000000+00:00" },
        ];
        var html = TrackingPage.Body(s, history, [], Now, Lang.Id);
        Assert.Contains("<time datetime=\"2026-11-28T08:00:00Z\">28 Nov 2026 15.00 WIB</time>", html);
        Assert.Contains("Kepada: Wakil Redaktur Humas a.n. Redaktur Humas", html);
        Assert.Contains("Oleh: Wakil Redaktur Humas a.n. Redaktur Humas", html);
        Assert.Contains("<blockquote>Rapi &lt;b&gt;sekali&lt;/b&gt;</blockquote>", html);
        Assert.Contains("Terbit pada <time datetime=\"2026-12-01T02:00:00Z\">1 Des 2026 09.00 WIB</time>", html);
        Assert.DoesNotContain("2026-12-01T02:00:00.0000000", html);
        Assert.Contains("value=\"withdraw\"", html);
    }
}
