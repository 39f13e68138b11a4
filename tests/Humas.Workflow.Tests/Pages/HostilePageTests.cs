using System.Text.RegularExpressions;
using Humas.Workflow.Configuration;
using Humas.Workflow.Decisions;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Revision;
using Humas.Workflow.Storage;
using Humas.Workflow.Staff;
using Humas.Workflow.Submissions;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Humas.Workflow.Tracking;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Pages;

/// <summary>
/// Every page, rendered with script in each text a person, a channel or a profile can put in it: the text comes out
/// encoded, a quote cannot end an attribute, and no page carries inline script or a style attribute.
/// </summary>
public sealed partial class HostilePageTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Encoded = "&lt;script&gt;alert(1)&lt;/script&gt;";

    /// <summary>Closes the attribute it lands in and opens one of its own, unless the quote is encoded.</summary>
    private const string Quote = "\" onmouseover=\"alert(2)";

    private const string Hostile = Script + Quote;

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static readonly UnitProfile Plain = UnitProfileLoader.Load("bbpmp-jateng");

    /// <summary>A profile is an operator's file: its names are encoded like anyone's text.</summary>
    private static readonly UnitProfile Unit = Plain with
    {
        ShortName = "BBPMP " + Hostile,
        Teams = [.. Plain.Teams, new Team("team-x", "Tim " + Hostile)],
        Regions = [.. Plain.Regions, new Region("3399", "Kota " + Hostile)],
        Tracks = Plain.Tracks.Select(t => t with { Name = t.Name + " " + Hostile }).ToList(),
        FormHints = new FormHints { Track = new BilingualText("Jalur " + Hostile, "Track " + Hostile), Program = new BilingualText("Mis. " + Hostile, "E.g. " + Hostile) },
    };

    private static readonly Submission Item = new()
    {
        Id = "20261128-abc",
        Content = new SubmissionContent
        {
            Title = "Judul " + Hostile, Summary = "Ringkasan " + Hostile, Body = "Isi " + Hostile + "\nbaris dua\n\nParagraf " + Hostile,
            ContentType = "news", Channels = ["website", "instagram"], Track = "internal", Team = "team-x", Region = "3399",
            Program = "PDM " + Hostile, PriorityProgram = true,
            SubmitterName = "Ani " + Hostile, SubmitterEmail = "ani@example.org", PublishAt = Now.AddDays(3),
        },
        Media =
        [
            new MediaItem("foto " + Hostile + ".jpg", "image/jpeg", 1234, "b1"),
            new MediaItem("video " + Hostile + ".mp4", "video/mp4", 5_000_000, "b2"),
            new MediaItem("siniar " + Hostile + ".mp3", "audio/mpeg", 40_000, "b3"),
            new MediaItem("surat " + Hostile + ".pdf", "application/pdf", 40_000, "b4"),
        ],
        Status = SubmissionStatus.AwaitingApproval, WaitingStage = Stage.Approval, Round = 2, Policy = DecisionPolicy.All,
        Awaiting = ["kabag-umum", "head"], WaitingFor = ["Budi " + Hostile, "Citra " + Hostile], Deadline = Now.AddDays(2),
        Responses = [new StageResponse("head", "Dewi " + Hostile, DecisionValues.Approve, "Catatan " + Hostile, Now, "Eko " + Hostile)],
    };

    private static readonly HistoryEntry[] History =
    [
        new() { Step = 0, At = Now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted, Actor = "Ani " + Hostile },
        new() { Step = 1, At = Now, Status = SubmissionStatus.InReview, Event = HistoryEvent.ReviewEscalated, Actor = "Budi " + Hostile, OnBehalfOf = "Citra " + Hostile },
        new() { Step = 2, At = Now, Status = SubmissionStatus.InReview, Event = HistoryEvent.ReviewResponse, Actor = "Budi " + Hostile, Decision = "revise", Comment = "Perbaiki " + Hostile },
        new() { Step = 3, At = Now, Status = SubmissionStatus.Scheduled, Event = HistoryEvent.Scheduled, Comment = Hostile },
    ];

    private static readonly PublicationRecord[] Publications =
    [
        new("instagram", PublicationStatus.Failed, "id " + Hostile, "https://example.org/p?x=" + Hostile, Now, "{\"error\":\"" + Hostile + "\"}", 2, "HTTP 400 " + Hostile),
    ];

    private static readonly LinkToken Link = new(Item.Id, "act", Stage.Approval, 2, "kabag-umum", "kabag@example.org", Now.AddDays(2), "head");

    private static readonly TargetReport Report = new()
    {
        Unit = Unit.Id, Year = 2026, AsOf = Now, YearElapsed = 0.9,
        Targets = [new TargetProgress("t1 " + Hostile, "PDM " + Hostile, "Webinar " + Hostile, "Webinars " + Hostile, 5, 1, 4, PaceStatus.Behind, 3, 20)],
        PublishedItems = 2,
        ByTeam = [new CountBy("team-x", "Tim " + Hostile, 1)], ByChannel = [new CountBy("chan " + Hostile, "chan " + Hostile, 1)],
        ByMonth = [new CountBy("2026-01", "Jan", 1)], ByContentType = [],
        Registers = new RegisterCounts(1, 1, 0),
        Coverage = new RegionCoverage(36, 1, [new CountBy("3399", "Kota " + Hostile, 1)], []),
    };

    private static readonly PublishedItem Published = new(
        Item.Id, Item.Content.Title, Item.Content.Summary, Item.Content.Body, "news " + Hostile, null, "3399", null, false,
        [new PublishedMedia("foto " + Hostile + ".jpg", "image/jpeg", 1, "https://humas.example/media/x/" + Hostile),
         new PublishedMedia("dok " + Hostile + ".pdf", "application/pdf", 1, "https://humas.example/media/y/" + Hostile)],
        Now, "https://humas.example/published#" + Item.Id);

    public static TheoryData<string> Pages() => new()
    {
        "form", "decision", "tracking", "revision", "published", "dashboard", "staff", "message", "status", "decided", "already-decided",
        "withdrawn", "feed", "wordpress", "summary",
    };

    private static Task<string> Render(string page) => page switch
    {
        "form" => Page<SubmissionForm>(new()
        {
            [nameof(SubmissionForm.Unit)] = Unit, [nameof(SubmissionForm.Limits)] = new IntakeOptions(), [nameof(SubmissionForm.Lang)] = Lang.Id,
            [nameof(SubmissionForm.Values)] = Fields(), [nameof(SubmissionForm.Errors)] = Errors(),
        }),
        "decision" => Page<DecisionPage>(new()
        {
            [nameof(DecisionPage.Unit)] = Unit, [nameof(DecisionPage.Submission)] = Item, [nameof(DecisionPage.Link)] = Link,
            [nameof(DecisionPage.PersonName)] = "Budi " + Hostile, [nameof(DecisionPage.SeatName)] = "Citra " + Hostile,
            [nameof(DecisionPage.Media)] = Item.Media.Select(m => new MediaPreview(m, "https://blob.example/" + m.Name + "?sig=" + Hostile)).ToList(),
            [nameof(DecisionPage.PreviewLifetime)] = TimeSpan.FromMinutes(30), [nameof(DecisionPage.Now)] = Now, [nameof(DecisionPage.Lang)] = Lang.Id,
        }),
        "tracking" => Page<TrackingPage>(new()
        {
            [nameof(TrackingPage.Unit)] = Unit, [nameof(TrackingPage.Submission)] = Item, [nameof(TrackingPage.History)] = History,
            [nameof(TrackingPage.Publications)] = Publications, [nameof(TrackingPage.Now)] = Now, [nameof(TrackingPage.Lang)] = Lang.En,
        }),
        "revision" => Page<RevisionPage>(new()
        {
            [nameof(RevisionPage.Unit)] = Unit, [nameof(RevisionPage.Submission)] = Item, [nameof(RevisionPage.Link)] = Link with { Stage = Stage.Revision },
            [nameof(RevisionPage.Asked)] = History[2], [nameof(RevisionPage.Now)] = Now, [nameof(RevisionPage.Lang)] = Lang.Id,
        }),
        "published" => Page<PublishedPage>(new()
        {
            [nameof(PublishedPage.Unit)] = Unit, [nameof(PublishedPage.Items)] = new[] { Published },
            [nameof(PublishedPage.FeedUrl)] = "https://humas.example/feed.atom", [nameof(PublishedPage.Lang)] = Lang.Id,
        }),
        "dashboard" => Page<DashboardPage>(new()
        {
            [nameof(DashboardPage.Unit)] = Unit, [nameof(DashboardPage.Report)] = Report, [nameof(DashboardPage.Lang)] = Lang.En,
        }),
        "staff" => Page<StaffWorkspace>(new() { [nameof(StaffWorkspace.Unit)] = Unit, [nameof(StaffWorkspace.Lang)] = Lang.Id }),
        "message" => Page<MessagePage>(new()
        {
            [nameof(MessagePage.Lang)] = Lang.Id, [nameof(MessagePage.Title)] = "Judul " + Hostile, [nameof(MessagePage.Text)] = "Teks " + Hostile,
            [nameof(MessagePage.Unit)] = Unit,
        }),
        "status" => Page<StatusMessage>(new()
        {
            [nameof(StatusMessage.Lang)] = Lang.Id, [nameof(StatusMessage.Title)] = "Judul " + Hostile, [nameof(StatusMessage.Label)] = "Status " + Hostile,
            [nameof(StatusMessage.Status)] = SubmissionStatus.Expired, [nameof(StatusMessage.Unit)] = Unit,
        }),
        "decided" => Page<DecisionRecorded>(new()
        {
            [nameof(DecisionRecorded.Lang)] = Lang.Id, [nameof(DecisionRecorded.Decision)] = "odd " + Hostile,
            [nameof(DecisionRecorded.Title)] = Item.Content.Title, [nameof(DecisionRecorded.Unit)] = Unit,
        }),
        "already-decided" => Page<AlreadyDecided>(new()
        {
            [nameof(AlreadyDecided.Lang)] = Lang.Id, [nameof(AlreadyDecided.Unit)] = Unit,
            [nameof(AlreadyDecided.Claim)] = new DecisionClaim(Stage.Review, 1, "reject", "Ditolak " + Hostile, "reviewer", "Budi " + Hostile, Now, "Citra " + Hostile),
        }),
        "withdrawn" => Page<WithdrawalReceived>(new()
        {
            [nameof(WithdrawalReceived.Lang)] = Lang.Id, [nameof(WithdrawalReceived.TrackingPath)] = "/track/" + Hostile, [nameof(WithdrawalReceived.Unit)] = Unit,
        }),
        "feed" => Page<FeedContent>(new() { [nameof(FeedContent.Item)] = Published }),
        "wordpress" => Page<WordPressPost>(new()
        {
            [nameof(WordPressPost.Submission)] = Item,
            [nameof(WordPressPost.Media)] = Item.Media.Select(m => (m, "https://humas.example/media/" + m.Name)).ToList(),
        }),
        "summary" => Page<SummarySnapshot>(new()
        {
            [nameof(SummarySnapshot.Unit)] = Unit, [nameof(SummarySnapshot.ChartSrc)] = "data:image/png;base64,AAAA",
            [nameof(SummarySnapshot.DashboardUrl)] = "https://humas.example/dashboard?x=" + Hostile,
            [nameof(SummarySnapshot.Snapshot)] = new WeeklySnapshot("run-1", Now, Report,
                [new WaitingDecision(Item.Id, Item.Content.Title, Stage.Review, 1, ["Budi " + Hostile], Now.AddDays(-5), null)]),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    private static Task<string> Page<TPage>(Dictionary<string, object?> parameters) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        PageRendering.RenderAsync<TPage>(parameters);

    private static SubmissionFields Fields()
    {
        var fields = new SubmissionFields();
        foreach (var name in new[] { "title", "summary", "body", "program", "submitterName", "submitterEmail", "publishAtWib", "region", "track", "team", "contentType" })
            fields.Add(name, name + " " + Hostile);
        fields.Add("channels", "website");
        return fields;
    }

    private static Dictionary<string, string[]> Errors() => new()
    {
        ["title"] = ["Judul " + Hostile + " / title " + Hostile],
        ["media"] = ["Berkas " + Hostile],
        ["field " + Hostile] = ["Tak dikenal " + Hostile],
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Script_and_quotes_in_every_text_come_out_as_text(string page)
    {
        var html = await Render(page);

        Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Encoded, html);
        // In an attribute or in text, the quote is encoded: the payload never adds an attribute of its own.
        Assert.DoesNotContain(Quote, html);
        Assert.DoesNotContain("onmouseover=\"", html);
        Assert.Contains("&quot; onmouseover=&quot;alert(2)", html);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_carries_inline_script_or_style_attributes(string page)
    {
        if (page is "feed" or "wordpress" or "summary") return; // HTML for a channel, a feed reader or a stored file, not served with the policy
        var html = await Render(page);

        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        // A script is either one of the site's files or a data block for one; never code in the page.
        foreach (Match script in ScriptTag().Matches(html))
            Assert.True(script.Value.Contains(" src=\"/assets/") || script.Value.Contains(" type=\"application/json\""), $"{page}: inline script {script.Value}");
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
