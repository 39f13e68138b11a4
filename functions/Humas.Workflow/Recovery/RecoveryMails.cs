using Humas.Workflow.Mail;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Recovery;

/// <summary>The mail that tells the Humas team a workflow stopped, Indonesian first with English below.</summary>
public static class RecoveryMails
{
    public static OutgoingMail Stopped(UnitProfile unit, Submission s, StoppedWorkflow workflow, Person team, string staffPage, string recordUrl)
    {
        var before = Decisions.DecisionHandler.StatusText(Lang.Id, s.FailedFrom ?? s.Status);
        var beforeEn = Decisions.DecisionHandler.StatusText(Lang.En, s.FailedFrom ?? s.Status);
        var error = workflow.ErrorType is null ? workflow.RuntimeStatus : $"{workflow.ErrorType}: {workflow.ErrorMessage}";
        if (error.Length > 1000) error = error[..1000] + "…";
        var subject = $"[{unit.ShortName}] Alur kerja terhenti / Workflow stopped: {s.Content.Title}";
        var text = $"""
            Yth. {team.Name},

            Alur kerja pengajuan berikut terhenti dan tidak akan berjalan sendiri. Pengaju belum diberi tahu.
            The workflow of this submission stopped and will not go on by itself. The submitter has not been told.

            Judul / Title: {s.Content.Title}
            Nomor / Id: {s.Id}
            Tahap terakhir / Last stage: {before} / {beforeEn}
            Galat / Error: {error}

            Mulai ulang dari tahap terakhir / Restart from the last stage: POST /api/submissions/{s.Id}/restart
            Tutup dengan alasan / Close with a reason: POST /api/submissions/{s.Id}/close (reason)
            Keduanya dengan kunci staf / both with the staff key.

            Ruang kerja staf / Staff workspace: {staffPage}
            Data pengajuan / Record: {recordUrl}
            """;
        var html = $"""
            <p>Yth. {E(team.Name)},</p>
            <p>Alur kerja pengajuan berikut terhenti dan tidak akan berjalan sendiri. Pengaju belum diberi tahu.<br>
            <em>The workflow of this submission stopped and will not go on by itself. The submitter has not been told.</em></p>
            <p><strong>{E(s.Content.Title)}</strong> (<code>{E(s.Id)}</code>)<br>
            Tahap terakhir / Last stage: {E(before)} / {E(beforeEn)}</p>
            <p>Galat / Error: <code>{E(error)}</code></p>
            <p>Mulai ulang dari tahap terakhir / Restart from the last stage: <code>POST /api/submissions/{E(s.Id)}/restart</code><br>
            Tutup dengan alasan / Close with a reason: <code>POST /api/submissions/{E(s.Id)}/close</code> (<code>reason</code>)<br>
            Keduanya dengan kunci staf / both with the staff key.</p>
            <p><a href="{E(staffPage)}">Ruang kerja staf / Staff workspace</a> · <a href="{E(recordUrl)}">Data pengajuan / Record</a></p>
            """;
        return new OutgoingMail(team.Email, team.Name, subject, text, html);
    }
}
