using Humas.Workflow.Vocabulary;
using System.Globalization;
using Humas.Workflow.Decisions;
using Humas.Workflow.Intake;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;
using static Humas.Workflow.Submissions.HistoryEvent;

namespace Humas.Workflow.Tracking;

/// <summary>
/// The submitter's view of one submission: where it stands on the way to publication, who it waits for
/// and until when, everything that happened (WIB), where it was published, and the way to withdraw it.
/// </summary>
public static class TrackingPage
{
    private enum Step { Submitted, Review, Approval, Publication }

    public static string Body(Submission s, IReadOnlyList<HistoryEntry> history, IReadOnlyList<PublicationRecord> publications, DateTimeOffset now, Lang lang) => $"""
        {LangSwitch(lang)}
        <div class="card">
        <h1>{E(s.Content.Title)}</h1>
        <p>{E(lang.T("Status", "Status"))}: <span class="status" data-status="{s.Status}">{E(Terms.Status(s.Status).In(lang))}</span></p>
        {Steps(s, history, lang)}
        </div>
        <section class="card" id="now" aria-labelledby="now-title">
        <h2 id="now-title">{E(lang.T("Sekarang", "Now"))}</h2>
        {Now(s, now, lang)}
        </section>
        <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{E(lang.T("Riwayat", "History"))}</h2>
        <ol class="timeline">{string.Concat(history.Select(h => Entry(h, lang)))}</ol>
        </section>
        {Publications(publications, lang)}
        {WithdrawForm(s, lang)}
        """;

    /// <summary>The four stops on the way to publication; the current one is marked for screen readers too.</summary>
    private static string Steps(Submission s, IReadOnlyList<HistoryEntry> history, Lang lang)
    {
        var reached = history.Select(h => h.Event switch
        {
            ReviewRequested or RevisionAsked or RevisionRequested or Revised => Step.Review,
            ApprovalRequested or ReviewAccepted => Step.Approval,
            Approved or Scheduled or Publishing or Published or PublicationFailed => Step.Publication,
            _ => Step.Submitted,
        }).DefaultIfEmpty(Step.Submitted).Max();
        var current = s.Status switch
        {
            SubmissionStatus.Submitted => Step.Submitted,
            SubmissionStatus.InReview or SubmissionStatus.RevisionRequested => Step.Review,
            SubmissionStatus.AwaitingApproval => Step.Approval,
            SubmissionStatus.Approved or SubmissionStatus.Scheduled or SubmissionStatus.Publishing or SubmissionStatus.Published => Step.Publication,
            _ => reached,
        };
        var stopped = s.Status is SubmissionStatus.Rejected or SubmissionStatus.Withdrawn or SubmissionStatus.Expired or SubmissionStatus.PublicationFailed;
        var finished = s.Status == SubmissionStatus.Published;
        string Item(Step step, string id, string en)
        {
            var (css, said) = step < current || (finished && step == current)
                ? (" class=\"done\"", lang.T("selesai", "done"))
                : step == current
                    ? stopped ? (" class=\"stopped\"", Terms.Status(s.Status).In(lang)) : (" aria-current=\"step\"", lang.T("sekarang", "now"))
                    : ("", lang.T("belum", "not yet"));
            return $"""<li{css}>{E(lang.T(id, en))} <span class="visually-hidden">({E(said)})</span></li>""";
        }
        return $"""
            <ol class="steps" aria-label="{E(lang.T("Tahapan", "Stages"))}">
            {Item(Step.Submitted, "Diajukan", "Submitted")}{Item(Step.Review, "Tinjauan", "Review")}{Item(Step.Approval, "Persetujuan", "Approval")}{Item(Step.Publication, "Terbit", "Publication")}
            </ol>
            """;
    }

    /// <summary>One or two sentences on the current stage: who it waits for and until when, or how it ended.</summary>
    private static string Now(Submission s, DateTimeOffset now, Lang lang)
    {
        string P(string id, string en) => $"<p>{E(lang.T(id, en))}</p>";
        switch (s.Status)
        {
            case SubmissionStatus.InReview or SubmissionStatus.AwaitingApproval or SubmissionStatus.RevisionRequested when s.WaitingStage is { } stage:
                var stageName = stage switch
                {
                    Stage.Review => lang.T("Tinjauan oleh redaksi", "Review by the editors"),
                    Stage.Approval => lang.T("Persetujuan", "Approval"),
                    _ => lang.T("Revisi oleh Anda", "Your revision"),
                };
                var round = s.Round > 1 ? $" · {E(lang.T("putaran", "round"))} {s.Round}" : "";
                var deadline = s.Deadline is { } d ? $"{Time(d, lang)} ({E(Remaining(d - now, lang))})" : "-";
                var facts = $"""
                    <dl class="facts">
                    <dt>{E(lang.T("Tahap", "Stage"))}</dt><dd data-stage="{stage}">{E(stageName)}{round}</dd>
                    <dt>{E(lang.T("Menunggu", "Waiting for"))}</dt><dd id="waiting-for">{E(s.WaitingFor.Count == 0 ? "-" : string.Join(", ", s.WaitingFor))}</dd>
                    <dt>{E(lang.T("Batas waktu", "Deadline"))}</dt><dd>{deadline}</dd>
                    </dl>
                    """;
                var policy = stage == Stage.Revision || (s.Policy == DecisionPolicy.Any && s.WaitingFor.Count <= 1) ? "" : P(
                    s.Policy switch
                    {
                        DecisionPolicy.All => "Semua yang diminta harus menyetujui; satu permintaan revisi atau penolakan mengakhiri tahap ini.",
                        DecisionPolicy.Sequence => "Mereka memutuskan berurutan, satu demi satu.",
                        _ => "Keputusan pertama dari salah satu dari mereka yang berlaku.",
                    },
                    s.Policy switch
                    {
                        DecisionPolicy.All => "Everyone asked must approve; one request for revision or a rejection ends this stage.",
                        DecisionPolicy.Sequence => "They decide in turn, one after another.",
                        _ => "The first decision from any of them counts.",
                    });
                var answered = s.Responses.Count == 0 ? "" :
                    $"<p>{E(lang.T("Sudah memutuskan", "Already decided"))}:</p><ul>"
                    + string.Concat(s.Responses.Select(r =>
                        $"<li>{E(r.Name)}{(r.OnBehalfOfName is null ? "" : $" a.n. {E(r.OnBehalfOfName)}")}: <strong>{E(Terms.Decision(r.Decision).In(lang))}</strong> · {Time(r.At, lang)}</li>"))
                    + "</ul>";
                var yours = stage == Stage.Revision
                    ? P("Buka tautan revisi di email Anda, ubah isinya, lalu kirim; revisi kembali ke peninjau. Tanpa revisi sampai batas waktu, pengajuan kedaluwarsa.",
                        "Open the revision link in your email, change the content and send it; the revision goes back to the reviewer. Without a revision by the deadline, the submission expires.")
                    : P("Mereka menerima tautan di email; pengingat dikirim bila belum ada jawaban, lalu pengganti (Plt/Plh) ikut diminta.",
                        "They have a link by email; a reminder follows when no answer comes, then their backup (Plt/Plh) is asked as well.");
                return facts + policy + answered + yours;
            case SubmissionStatus.InReview or SubmissionStatus.AwaitingApproval or SubmissionStatus.RevisionRequested:
                return P("Sedang diteruskan ke tahap berikutnya; muat ulang sebentar lagi.", "On its way to the next stage; reload in a moment.");
            case SubmissionStatus.Submitted:
                return P("Pengajuan diterima dan segera dikirim ke peninjau.", "The submission was received and is on its way to the reviewer.");
            case SubmissionStatus.Approved:
                return P("Disetujui; sebentar lagi diterbitkan.", "Approved; it will be published shortly.");
            case SubmissionStatus.Scheduled:
                return $"<p>{E(lang.T("Disetujui dan dijadwalkan terbit pada", "Approved and scheduled to be published at"))} {Time(s.Content.PublishAt, lang)}"
                    + (s.Content.PublishAt is { } at ? $" ({E(Remaining(at - now, lang))})" : "") + ".</p>";
            case SubmissionStatus.Publishing:
                return $"<p>{E(lang.T("Sedang diterbitkan ke", "Being published to"))}: {E(string.Join(", ", s.Content.Channels.Select(c => Terms.Channel(c).In(lang))))}.</p>";
            case SubmissionStatus.Published:
                return P("Terbit. Tautan dan bukti tiap kanal ada di bagian Publikasi.", "Published. The links and evidence of each channel are under Publications.");
            case SubmissionStatus.Rejected:
                return P("Ditolak. Alasannya ada di riwayat di bawah; Anda dapat mengajukan konten baru.", "Rejected. The reason is in the history below; you can submit new content.");
            case SubmissionStatus.Withdrawn:
                return P("Anda menarik pengajuan ini; tidak ada yang diterbitkan.", "You withdrew this submission; nothing was published.");
            case SubmissionStatus.Expired:
                return P("Kedaluwarsa: tidak ada jawaban sampai batas waktu. Ajukan lagi bila masih diperlukan.", "Expired: no answer came by the deadline. Submit again if it is still needed.");
            case SubmissionStatus.PublicationFailed:
                return P("Penerbitan gagal di semua kanal. Tim Humas sudah diberi tahu dan dapat mencoba lagi.", "Publication failed on every channel. The Humas team has been told and can try again.");
            default:
                return "";
        }
    }

    private static string Entry(HistoryEntry h, Lang lang)
    {
        var tone = h.Event switch
        {
            ReviewAccepted or Approved or Published or Revised => "good",
            Rejected or Withdrawn or PublicationFailed or ReviewExpired or ApprovalExpired or RevisionExpired => "bad",
            RevisionAsked or ReviewReminder or ApprovalReminder or RevisionReminder or ReviewEscalated or ApprovalEscalated => "warn",
            _ => "",
        };
        var onBehalf = h.OnBehalfOf is null ? "" : $" a.n. {E(h.OnBehalfOf)}";
        var who = h.Actor is null ? "" : h.Event.IsNotice()
            ? $"""<p class="who">{E(lang.T("Kepada", "To"))}: {E(h.Actor)}{onBehalf}</p>"""
            : $"""<p class="who">{E(lang.T("Oleh", "By"))}: {E(h.Actor)}{onBehalf}</p>""";
        var decision = h.Event.IsResponse() && h.Decision is not null
            ? $": <strong>{E(Terms.Decision(h.Decision).In(lang))}</strong>" : "";
        var note = h.Event switch
        {
            Scheduled when DateTimeOffset.TryParse(h.Comment, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                $"""<p class="who">{E(lang.T("Terbit pada", "To be published at"))} {Time(at, lang)}</p>""",
            // The request to revise repeats the note already shown with the decision that asked for it.
            Scheduled or RevisionRequested => "",
            _ => string.IsNullOrWhiteSpace(h.Comment) ? "" : $"<blockquote>{E(h.Comment)}</blockquote>",
        };
        return $"""<li class="{tone}" data-event="{E(h.Event.ToString())}">{Time(h.At, lang)}<strong>{E(Terms.History(h.Event).In(lang))}</strong>{decision}{who}{note}</li>""";
    }

    private static string Publications(IReadOnlyList<PublicationRecord> publications, Lang lang) =>
        publications.Count == 0 ? "" : $"""
            <section class="card" aria-labelledby="publications-title">
            <h2 id="publications-title">{E(lang.T("Publikasi", "Publications"))}</h2>
            <ul class="plain">{string.Concat(publications.Select(p => PublicationHtml.Item(lang, p)))}</ul>
            </section>
            """;

    /// <summary>Folded away, so one stray tap does not withdraw; the fields are those POST /track/{token} reads.</summary>
    private static string WithdrawForm(Submission s, Lang lang) =>
        s.Status.CanBeWithdrawn()
            ? $"""
              <section class="card" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{E(lang.T("Tarik pengajuan", "Withdraw the submission"))}</h2>
              <p>{E(lang.T("Selama belum terbit, Anda dapat menarik pengajuan ini. Tautan keputusan yang masih beredar tidak berlaku lagi, dan penarikan tidak dapat dibatalkan.",
                  "Until it is published you can withdraw this submission. Outstanding decision links stop working, and a withdrawal cannot be undone."))}</p>
              <details>
              <summary class="danger">{E(lang.T("Saya ingin menarik pengajuan ini", "I want to withdraw this submission"))}</summary>
              <form method="post">
              <input type="hidden" name="action" value="withdraw">
              <label for="reason">{E(lang.T("Alasan penarikan (opsional)", "Reason for withdrawing (optional)"))}</label>
              <p class="hint" id="reason-hint">{E(lang.T("Dicatat di riwayat pengajuan.", "It is kept in the submission's history."))}</p>
              <textarea id="reason" name="reason" rows="2" maxlength="2000" aria-describedby="reason-hint"></textarea>
              <button type="submit" class="reject">{E(lang.T("Tarik pengajuan", "Withdraw the submission"))}</button>
              </form>
              </details>
              </section>
              """
            : "";
}
