using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Mail;

/// <summary>The workflow's emails, Indonesian first with English below, each as text and HTML.</summary>
public static class WorkflowMails
{
    public static OutgoingMail DecisionRequest(
        UnitProfile unit, Submission s, Stage stage, Person to, string url, DateTimeOffset deadline, string? comment,
        Notice notice = Notice.Request, string? onBehalfOf = null)
    {
        var (subjectId, subjectEn, askId, askEn) = stage switch
        {
            Stage.Review => ("Mohon tinjau", "Please review",
                "Mohon tinjau konten berikut: terima, minta revisi, atau tolak.",
                "Please review this content: accept, ask for a revision, or reject."),
            Stage.Approval => ("Mohon persetujuan", "Approval requested",
                "Mohon setujui, minta revisi, atau tolak konten berikut.",
                "Please approve, ask for a revision of, or reject this content."),
            _ => ("Mohon revisi", "Revision requested",
                "Konten Anda perlu direvisi. Buka tautan untuk memperbaikinya.",
                "Your content needs a revision. Open the link to revise it."),
        };
        var (prefixId, prefixEn) = notice switch
        {
            Notice.Reminder => ("Pengingat: ", "Reminder: "),
            Notice.Escalation => ($"Eskalasi a.n. {onBehalfOf}: ", $"Escalation on behalf of {onBehalfOf}: "),
            _ => ("", ""),
        };
        var subject = $"[{unit.ShortName}] {prefixId}{subjectId} / {prefixEn}{subjectEn}: {s.Content.Title}";
        if (notice == Notice.Escalation)
        {
            askId = $"{onBehalfOf} belum memutuskan. Anda diminta memutuskan atas nama beliau (a.n.). {askId}";
            askEn = $"{onBehalfOf} has not decided. You are asked to decide on their behalf. {askEn}";
        }
        else if (notice == Notice.Reminder)
        {
            askId = "Pengingat: keputusan Anda masih ditunggu. " + askId;
            askEn = "Reminder: your decision is still awaited. " + askEn;
        }
        var due = $"{Wib.Format(deadline)} / {Wib.Format(deadline, Lang.En)}";
        var note = string.IsNullOrWhiteSpace(comment) ? "" : $"Catatan / Note: {comment}\n\n";
        var text = $"""
            Yth. {to.Name},

            {askId}
            {askEn}

            Judul / Title: {s.Content.Title}
            Jenis / Type: {s.Content.ContentType}
            Pengaju / Submitter: {s.Content.SubmitterName} <{s.Content.SubmitterEmail}>

            {note}Buka / Open: {url}

            Batas waktu / Deadline: {due}
            Tautan ini hanya untuk Anda dan hanya dapat dipakai sekali. / This link is for you only and works once.
            """;
        var html = $"""
            <p>Yth. {E(to.Name)},</p>
            <p>{E(askId)}<br><em>{E(askEn)}</em></p>
            <p><strong>{E(s.Content.Title)}</strong><br>{E(s.Content.ContentType)} · {E(s.Content.SubmitterName)} &lt;{E(s.Content.SubmitterEmail)}&gt;</p>
            {(string.IsNullOrWhiteSpace(comment) ? "" : $"<p>Catatan / Note: {E(comment)}</p>")}
            <p><a href="{E(url)}">Buka / Open</a></p>
            <p>Batas waktu / Deadline: {E(due)}</p>
            <p><small>Tautan ini hanya untuk Anda dan hanya dapat dipakai sekali. / This link is for you only and works once.</small></p>
            """;
        return new OutgoingMail(to.Email, to.Name, subject, text, html);
    }

    public static OutgoingMail Outcome(UnitProfile unit, Submission s, Transition t, string trackUrl)
    {
        var (id, en) = t.Status switch
        {
            SubmissionStatus.Approved => ("disetujui", "approved"),
            SubmissionStatus.Published => ("telah terbit", "published"),
            SubmissionStatus.Rejected => ("ditolak", "rejected"),
            SubmissionStatus.Expired => ("kedaluwarsa karena batas waktu terlewati", "expired: the deadline passed"),
            SubmissionStatus.Withdrawn => ("ditarik", "withdrawn"),
            SubmissionStatus.PublicationFailed => ("gagal diterbitkan", "could not be published"),
            SubmissionStatus.Submitted => ("diterima dan sedang diproses", "received and in progress"),
            SubmissionStatus.Closed => ("ditutup oleh tim Humas", "closed by the Humas team"),
            _ => (t.Status.ToString(), t.Status.ToString()),
        };
        var subject = $"[{unit.ShortName}] {s.Content.Title}: {id} / {en}";
        var by = t.Actor is null ? "" : $"Oleh / By: {t.Actor}{(t.OnBehalfOf is null ? "" : $" a.n. {t.OnBehalfOf}")}\n";
        var note = string.IsNullOrWhiteSpace(t.Comment) ? "" : $"Catatan / Note: {t.Comment}\n";
        var text = $"""
            Yth. {s.Content.SubmitterName ?? s.Content.SubmitterEmail},

            Pengajuan Anda "{s.Content.Title}" {id}.
            Your submission "{s.Content.Title}" is {en}.
            {by}{note}
            Pantau / Track: {trackUrl}
            """;
        var html = $"""
            <p>Yth. {E(s.Content.SubmitterName ?? s.Content.SubmitterEmail)},</p>
            <p>Pengajuan Anda <strong>{E(s.Content.Title)}</strong> {E(id)}.<br><em>Your submission is {E(en)}.</em></p>
            {(t.Actor is null ? "" : $"<p>Oleh / By: {E(t.Actor)}{(t.OnBehalfOf is null ? "" : $" a.n. {E(t.OnBehalfOf)}")}</p>")}
            {(string.IsNullOrWhiteSpace(t.Comment) ? "" : $"<p>Catatan / Note: {E(t.Comment)}</p>")}
            <p><a href="{E(trackUrl)}">Pantau pengajuan / Track your submission</a></p>
            """;
        return new OutgoingMail(s.Content.SubmitterEmail, s.Content.SubmitterName, subject, text, html);
    }
}
