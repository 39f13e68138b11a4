using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Vocabulary;

/// <summary>
/// The words people read for every value the workflow keeps as a code: pages, mails, the feed, exports and
/// the summary all take them from here, so a code never reaches a person where a word belongs. Publication outcomes
/// and pace are matched as the text of their codes: those are named in Orchestration and Targets, and every page uses
/// this folder, so it must not use theirs; a test holds each of those codes to words of its own.
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
        SubmissionStatus.TakenDown => new("Diturunkan dari publikasi", "Taken down"),
        _ => Words.Same(status.ToString()),
    };

    public static Words Stage(Stage stage) => stage switch
    {
        Submissions.Stage.Review => new("Tinjauan", "Review"),
        Submissions.Stage.Approval => new("Persetujuan", "Approval"),
        _ => new("Revisi", "Revision"),
    };

    /// <summary>One step of a submission's history, as the tracking page and the staff workspace list it.</summary>
    public static Words History(HistoryEvent e) => e switch
    {
        HistoryEvent.Submitted => new("Diajukan", "Submitted"),
        HistoryEvent.ReviewRequested => new("Dikirim ke peninjau", "Sent for review"),
        HistoryEvent.ReviewAccepted => new("Diterima peninjau", "Accepted in review"),
        HistoryEvent.RevisionAsked => new("Diminta revisi", "Revision asked"),
        HistoryEvent.RevisionRequested => new("Menunggu revisi pengaju", "Waiting for the submitter's revision"),
        HistoryEvent.Revised => new("Direvisi", "Revised"),
        HistoryEvent.ApprovalRequested => new("Dikirim untuk persetujuan", "Sent for approval"),
        HistoryEvent.Approved => new("Disetujui", "Approved"),
        HistoryEvent.Rejected => new("Ditolak", "Rejected"),
        HistoryEvent.Scheduled => new("Dijadwalkan", "Scheduled"),
        HistoryEvent.Publishing => new("Sedang diterbitkan", "Publishing"),
        HistoryEvent.Published => new("Terbit", "Published"),
        HistoryEvent.PublicationFailed => new("Gagal terbit", "Publication failed"),
        HistoryEvent.ReviewExpired or HistoryEvent.ApprovalExpired or HistoryEvent.RevisionExpired => new("Kedaluwarsa", "Expired"),
        HistoryEvent.ReviewReminder or HistoryEvent.ApprovalReminder or HistoryEvent.RevisionReminder => new("Pengingat dikirim", "Reminder sent"),
        HistoryEvent.ReviewEscalated or HistoryEvent.ApprovalEscalated => new("Dieskalasi ke pengganti (Plt/Plh)", "Escalated to the backup"),
        HistoryEvent.ReviewResponse or HistoryEvent.ApprovalResponse => new("Tanggapan", "Response"),
        HistoryEvent.Withdrawn => new("Ditarik", "Withdrawn"),
        HistoryEvent.WorkflowFailed => new("Alur kerja terhenti karena gangguan sistem", "The workflow stopped by a system fault"),
        HistoryEvent.WorkflowRestarted => new("Alur kerja dilanjutkan oleh staf", "The workflow was restarted by staff"),
        HistoryEvent.Closed => new("Ditutup oleh tim Humas", "Closed by the Humas team"),
        HistoryEvent.ReviewHandedOn or HistoryEvent.ApprovalHandedOn => new("Diserahkan ke rekan", "Handed on to a colleague"),
        HistoryEvent.ChannelWaiting => new("Kanal menunggu", "A channel waits"),
        HistoryEvent.TakedownStep => new("Diturunkan dari satu kanal", "Taken down from one channel"),
        HistoryEvent.TakenDown => new("Diturunkan dari publikasi", "Taken down"),
        _ => Words.Same(e.ToString()),
    };

    /// <summary>The decision as the button a person presses.</summary>
    public static Words Decision(string decision) => decision switch
    {
        DecisionValues.Accept => new("Terima", "Accept"),
        DecisionValues.Approve => new("Setujui", "Approve"),
        DecisionValues.Revise => new("Minta revisi", "Ask for revision"),
        DecisionValues.Reject => new("Tolak", "Reject"),
        DecisionValues.Reassign => new("Serahkan ke rekan", "Hand on to a colleague"),
        _ => Words.Same(decision),
    };

    public static Words Channel(string channel) => channel switch
    {
        Channels.Website => new("Situs web", "Website"),
        // The website channel's second adapter: the office's WordPress site, beside the system's own feed.
        "wordpress" => Words.Same("WordPress"),
        Channels.Instagram => Words.Same("Instagram"),
        Channels.YouTube => Words.Same("YouTube"),
        Channels.Facebook => Words.Same("Facebook"),
        Channels.TikTok => Words.Same("TikTok"),
        Channels.MediaPartner => new("Media mitra", "Partner media"),
        Channels.Journal => new("Jurnal Widyatama", "Widyatama journal"),
        _ => Words.Same(channel),
    };

    public static Words ContentType(string type) => type switch
    {
        ContentTypes.News => new("Berita", "News"),
        ContentTypes.Article => new("Artikel", "Article"),
        ContentTypes.Photo => new("Foto", "Photo"),
        ContentTypes.Video => Words.Same("Video"),
        ContentTypes.Infographic => new("Infografis", "Infographic"),
        ContentTypes.Podcast => Words.Same("Podcast"),
        ContentTypes.Webinar => new("Laporan webinar", "Webinar report"),
        ContentTypes.PressRelease => new("Siaran pers", "Press release"),
        ContentTypes.Community => new("Komunitas", "Community"),
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
        "Waiting" => new("Menunggu", "Waiting"),
        _ => Words.Same(status),
    };

    /// <summary>Where a yearly target stands against its pace (the codes of <c>PaceStatus</c>).</summary>
    public static Words Pace(string status) => status switch
    {
        "met" => new("tercapai", "met"),
        "on-pace" => new("sesuai laju", "on pace"),
        _ => new("tertinggal", "behind"),
    };

    /// <summary>A figure a channel's reach is measured by (the codes of <c>ReachFigures</c>).</summary>
    public static Words ReachFigure(string figure) => figure switch
    {
        "followers" => new("Pengikut", "Followers"),
        "media" => new("Unggahan", "Posts"),
        "subscribers" => new("Pelanggan", "Subscribers"),
        "views" => new("Tayangan", "Views"),
        "videos" => new("Video", "Videos"),
        "posts" => new("Artikel terbit", "Published posts"),
        "reach" => new("Akun terjangkau", "Accounts reached"),
        _ => Words.Same(figure),
    };

    /// <summary>What a waiting channel waits for (the codes of <c>ChannelWaitReason</c>), the channel named.</summary>
    public static Words ChannelWait(string? reason, string channel)
    {
        var name = Channel(channel);
        return reason switch
        {
            "reconnect" => new($"Menunggu {name.Id} dihubungkan ulang", $"Waiting for {name.En} to be reconnected"),
            "rate-limit" => new($"Menunggu batas unggahan {name.Id} pulih", $"Waiting for {name.En}'s posting limit to free"),
            _ => new($"Menunggu {name.Id}", $"Waiting for {name.En}"),
        };
    }

    /// <summary>A bound as people say it: whole days, else hours, else minutes.</summary>
    public static Words Duration(TimeSpan span)
    {
        static string N(double n) => n.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        if (span.TotalDays >= 1) return new($"{N(span.TotalDays)} hari", $"{N(span.TotalDays)} {(span.TotalDays == 1 ? "day" : "days")}");
        if (span.TotalHours >= 1) return new($"{N(span.TotalHours)} jam", $"{N(span.TotalHours)} {(span.TotalHours == 1 ? "hour" : "hours")}");
        return new($"{N(span.TotalMinutes)} menit", $"{N(span.TotalMinutes)} {(span.TotalMinutes == 1 ? "minute" : "minutes")}");
    }
    /// <summary>What a takedown did on one channel (the codes of <c>TakedownOutcomes</c>).</summary>
    public static Words Takedown(string outcome) => outcome switch
    {
        "Removed" => new("dihapus", "removed"),
        "MadePrivate" => new("dijadikan privat", "made private"),
        "TaskMailed" => new("tugas dikirim ke tim Humas", "task mailed to the Humas team"),
        "Failed" => new("gagal; tugas dikirim ke tim Humas", "failed; task mailed to the Humas team"),
        _ => Words.Same(outcome),
    };

    /// <summary>The heading over a recording's words as text, on the site and in a WordPress post.</summary>
    public static readonly Words Transcript = new("Transkrip", "Transcript");
}
