using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Vocabulary;

/// <summary>
/// The words people read for every value the workflow keeps as a code: pages, mails, the feed, exports and
/// the summary all take them from here, so a code never reaches a person where a word belongs. Codes that live
/// above this folder (decisions, publication outcomes, pace) are matched as text, since every page uses this
/// folder and it must not use theirs; a test holds each code of those to its word.
/// </summary>
public static class Terms
{
    public static Words Status(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => new("Diajukan", "Submitted"),
        SubmissionStatus.InReview => new("Sedang ditinjau", "In review"),
        SubmissionStatus.RevisionRequested => new("Perlu revisi", "Revision requested"),
        SubmissionStatus.AwaitingApproval => new("Menunggu persetujuan", "Awaiting approval"),
        SubmissionStatus.Approved => new("Disetujui", "Approved"),
        SubmissionStatus.Scheduled => new("Terjadwal", "Scheduled"),
        SubmissionStatus.Publishing => new("Sedang diterbitkan", "Publishing"),
        SubmissionStatus.Published => new("Terbit", "Published"),
        SubmissionStatus.Rejected => new("Ditolak", "Rejected"),
        SubmissionStatus.Withdrawn => new("Ditarik", "Withdrawn"),
        SubmissionStatus.Expired => new("Kedaluwarsa", "Expired"),
        SubmissionStatus.PublicationFailed => new("Gagal terbit", "Publication failed"),
        SubmissionStatus.WorkflowFailed => new("Terhenti karena gangguan sistem; tim Humas sudah diberi tahu",
            "Stopped by a system fault; the Humas team has been told"),
        SubmissionStatus.Closed => new("Ditutup oleh tim Humas", "Closed by the Humas team"),
        _ => Words.Same(status.ToString()),
    };

    public static Words Stage(Stage stage) => stage switch
    {
        Submissions.Stage.Review => new("Tinjauan", "Review"),
        Submissions.Stage.Approval => new("Persetujuan", "Approval"),
        _ => new("Revisi", "Revision"),
    };

    /// <summary>The decision as the button a person presses (the codes of <c>DecisionValues</c>).</summary>
    public static Words Decision(string decision) => decision switch
    {
        "accept" => new("Terima", "Accept"),
        "approve" => new("Setujui", "Approve"),
        "revise" => new("Minta revisi", "Ask for revision"),
        "reject" => new("Tolak", "Reject"),
        _ => Words.Same(decision),
    };

    public static Words Channel(string channel) => channel switch
    {
        "website" => new("Situs web", "Website"),
        "instagram" => Words.Same("Instagram"),
        "youtube" => Words.Same("YouTube"),
        "facebook" => Words.Same("Facebook"),
        "tiktok" => Words.Same("TikTok"),
        "media-partner" => new("Media mitra", "Partner media"),
        "journal" => new("Jurnal Widyatama", "Widyatama journal"),
        _ => Words.Same(channel),
    };

    public static Words ContentType(string type) => type switch
    {
        "news" => new("Berita", "News"),
        "article" => new("Artikel", "Article"),
        "photo" => new("Foto", "Photo"),
        "video" => Words.Same("Video"),
        "infographic" => new("Infografis", "Infographic"),
        "podcast" => Words.Same("Podcast"),
        "webinar" => new("Laporan webinar", "Webinar report"),
        "press-release" => new("Siaran pers", "Press release"),
        "community" => new("Komunitas", "Community"),
        _ => Words.Same(type),
    };

    /// <summary>Tracks, regions and teams are the unit's own: its profile names them; the code stands only where it has no such entry.</summary>
    public static Words Track(UnitProfile unit, string? id) =>
        Words.Same(id is null ? "-" : unit.TrackById(id)?.Name ?? id);

    public static Words Team(UnitProfile unit, string? id) =>
        Words.Same(id is null ? "-" : unit.TeamById(id)?.Name ?? id);

    public static Words Region(UnitProfile unit, string? code) =>
        code is null ? Words.Same("-") : Words.Same(unit.RegionByCode(code)?.Name ?? code);

    /// <summary>How one channel's publication went (the codes of <c>PublicationStatus</c>).</summary>
    public static Words Publication(string status) => status switch
    {
        "Published" => new("Terbit", "Published"),
        "Failed" => new("Gagal terbit", "Publication failed"),
        "NotConfigured" => new("Kanal belum dikonfigurasi", "Channel not configured"),
        _ => Words.Same(status),
    };

    /// <summary>Where a yearly target stands against its pace (the codes of <c>PaceStatus</c>).</summary>
    public static Words Pace(string status) => status switch
    {
        "met" => new("tercapai", "met"),
        "on-pace" => new("sesuai laju", "on pace"),
        _ => new("tertinggal", "behind"),
    };
}
