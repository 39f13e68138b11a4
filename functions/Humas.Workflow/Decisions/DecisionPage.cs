using Humas.Workflow.Vocabulary;
using System.Text.Json;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Decisions;

/// <summary>
/// GET /act/{token} as a page: whom it asks and until when, the content with its media, who else has
/// answered, and the decisions, each with one sentence on what happens next. The comment box says when it is
/// required; a small script says so before sending, and the server still checks.
/// </summary>
public static class DecisionPage
{
    public static string Body(UnitProfile unit, Submission s, LinkToken link, string personName, string? seatName, string content, DateTimeOffset now, Lang lang)
    {
        var stage = link.Stage!.Value;
        var choices = string.Concat(DecisionValues.AllowedAt(stage).Select(d => $"""
            <button type="submit" name="decision" value="{d}" class="{d}" aria-describedby="next-{d}">{E(Terms.Decision(d).In(lang))}</button>
            <p class="next" id="next-{d}">{E(Next(unit, s, link, d, now, lang))}</p>
            """));
        var asked = lang.T(
            stage == Stage.Review ? "mohon tinjau konten ini." : "mohon putuskan persetujuan konten ini.",
            stage == Stage.Review ? "please review this content." : "please decide whether to approve this content.");
        var onBehalf = seatName is null ? "" : " " + E(lang.T($"Anda memutuskan atas nama (a.n.) {seatName}.", $"You decide on behalf of (a.n.) {seatName}."));
        var script = JsonSerializer.Serialize(new { required = lang.T("Tulis catatan untuk pengaju: wajib bila meminta revisi atau menolak.", "Write a comment for the submitter: it is required to ask for a revision or to reject.") });
        return $"""
            {LangSwitch(lang)}
            <div class="card">
            <p class="lead">{E(lang.T("Yth.", "Dear"))} {E(personName)}, {E(asked)}{onBehalf}</p>
            <p>{E(lang.T("Batas waktu", "Deadline"))}: <strong>{Time(link.ExpiresAt, lang)}</strong> ({E(Remaining(link.ExpiresAt - now, lang))})</p>
            </div>
            <article class="card" aria-labelledby="content-title">
            {content}
            </article>
            {Progress(s, lang)}
            <form method="post" class="card" id="decision-form" aria-labelledby="decision-title">
            <h2 id="decision-title">{E(lang.T("Keputusan Anda", "Your decision"))}</h2>
            <label for="comment">{E(lang.T("Catatan untuk pengaju", "Comment for the submitter"))}</label>
            <p class="hint" id="comment-hint">{E(lang.T("Wajib bila Anda meminta revisi atau menolak; pengaju membacanya di email dan di halaman pantau. Boleh kosong bila Anda " + (stage == Stage.Review ? "menerima." : "menyetujui."),
                "Required when you ask for a revision or reject; the submitter reads it by email and on the tracking page. It may stay empty when you " + (stage == Stage.Review ? "accept." : "approve.")))}</p>
            <p class="error" id="comment-error" role="alert" hidden></p>
            <textarea id="comment" name="comment" rows="4" maxlength="4000" aria-describedby="comment-hint comment-error"></textarea>
            <div class="choices">
            {choices}
            </div>
            <p class="hint">{E(lang.T("Keputusan Anda langsung diteruskan; tautan ini tidak bisa dipakai lagi setelahnya.",
                "Your decision is passed on at once; this link cannot be used again afterwards."))}</p>
            </form>
            <script type="application/json" id="decision-text">{script.Replace("</", "<\\/")}</script>
            <script>{Script}</script>
            """;
    }

    /// <summary>
    /// Mirrors the server's rule that revise and reject need a comment, so nobody meets a refusal after sending;
    /// without script the server's own 400 still applies.
    /// </summary>
    private const string Script = """
        (function () {
          var form = document.getElementById('decision-form'), comment = document.getElementById('comment'), error = document.getElementById('comment-error');
          var text = JSON.parse(document.getElementById('decision-text').textContent);
          form.addEventListener('submit', function (event) {
            var decision = event.submitter ? event.submitter.value : '';
            if ((decision === 'revise' || decision === 'reject') && comment.value.trim() === '') {
              event.preventDefault();
              error.textContent = text.required;
              error.hidden = false;
              comment.setAttribute('aria-invalid', 'true');
              comment.focus();
            }
          });
          comment.addEventListener('input', function () {
            if (comment.value.trim() === '') return;
            error.hidden = true;
            error.textContent = '';
            comment.removeAttribute('aria-invalid');
          });
        })();
        """;

    /// <summary>One sentence on what a decision sets going, naming the people it goes to where the profile knows them.</summary>
    public static string Next(UnitProfile unit, Submission s, LinkToken link, string decision, DateTimeOffset now, Lang lang)
    {
        var submitter = s.Content.SubmitterName ?? s.Content.SubmitterEmail;
        var others = OthersStillToDecide(unit, s, link);
        var channels = string.Join(", ", s.Content.Channels.Select(c => Terms.Channel(c).In(lang)));
        switch (decision)
        {
            case DecisionValues.Accept or DecisionValues.Approve when others.Count > 0:
                var names = string.Join(", ", others);
                return s.Policy == DecisionPolicy.Sequence
                    ? lang.T($"Jawaban Anda tercatat; berikutnya {names} memutuskan.", $"Your answer is recorded; next, {names} decide.")
                    : lang.T($"Jawaban Anda tercatat; konten lanjut setelah {names} juga setuju.", $"Your answer is recorded; the content moves on once {names} agree too.");
            case DecisionValues.Accept:
                var approvers = Approvers(unit, s);
                return approvers.Length == 0
                    ? lang.T("Konten diteruskan untuk persetujuan.", "The content goes on to approval.")
                    : lang.T($"Konten diteruskan ke {approvers} untuk persetujuan.", $"The content goes to {approvers} for approval.");
            case DecisionValues.Approve:
                return s.Content.PublishAt is { } at && at > now
                    ? lang.T($"Konten dijadwalkan terbit pada {Wib.Format(at, lang)} di: {channels}.", $"The content is scheduled for {Wib.Format(at, lang)} on: {channels}.")
                    : lang.T($"Konten langsung diterbitkan di: {channels}.", $"The content is published at once on: {channels}.");
            case DecisionValues.Revise:
                return lang.T($"{submitter} diminta merevisi sesuai catatan Anda; revisinya kembali ke peninjau.",
                    $"{submitter} is asked to revise following your comment; the revision goes back to the reviewer.");
            default:
                return lang.T($"Pengajuan ditutup; {submitter} diberi tahu beserta catatan Anda.", $"The submission is closed; {submitter} is told, with your comment.");
        }
    }

    /// <summary>Under "all", the others still awaited; under "sequence", those after this seat; nobody under "any".</summary>
    private static IReadOnlyList<string> OthersStillToDecide(UnitProfile unit, Submission s, LinkToken link)
    {
        bool Other(string key) => !string.Equals(key, link.SeatKey, StringComparison.OrdinalIgnoreCase);
        switch (s.Policy)
        {
            case DecisionPolicy.All:
                return s.Awaiting.Where(Other).Select(k => unit.PersonByKeyOrNull(k)?.Name ?? k).ToList();
            case DecisionPolicy.Sequence:
                var order = Deciders(unit, s, link.Stage!.Value).Select(d => d.Key).ToList();
                var at = order.FindIndex(k => !Other(k));
                return at < 0 ? [] : order.Skip(at + 1).Select(k => unit.PersonByKeyOrNull(k)?.Name ?? k).ToList();
            default:
                return [];
        }
    }

    private static string Approvers(UnitProfile unit, Submission s) =>
        string.Join(", ", Deciders(unit, s, Stage.Approval).Select(d => d.Name));

    /// <summary>Who the profile would ask; a profile that leaves nobody only loses the names in the sentence.</summary>
    private static IReadOnlyList<Assignee> Deciders(UnitProfile unit, Submission s, Stage stage)
    {
        try { return AssignDeciders.Assign(unit, s, stage).Deciders; }
        catch (InvalidOperationException) { return []; }
    }

    /// <summary>Who has answered this stage so far and who is still awaited, when more than one person decides it.</summary>
    public static string Progress(Submission s, Lang lang)
    {
        if (s.Responses.Count == 0 && s.WaitingFor.Count <= 1) return "";
        var answered = string.Concat(s.Responses.Select(r =>
            $"<li>{E(r.Name)}{(r.OnBehalfOfName is null ? "" : $" a.n. {E(r.OnBehalfOfName)}")}: <strong>{E(Terms.Decision(r.Decision).In(lang))}</strong> · {Time(r.At, lang)}"
            + (string.IsNullOrWhiteSpace(r.Comment) ? "" : $"<blockquote>{E(r.Comment)}</blockquote>") + "</li>"));
        var awaited = string.Concat(s.WaitingFor.Select(n => $"<li>{E(n)}</li>"));
        var policy = s.Policy switch
        {
            DecisionPolicy.All => lang.T("Semua penyetuju harus menyetujui; satu permintaan revisi atau penolakan mengakhiri tahap ini.",
                "Every approver must approve; one request for revision or a rejection ends this stage."),
            DecisionPolicy.Sequence => lang.T("Penyetuju memutuskan berurutan.", "Approvers decide one after another."),
            _ => lang.T("Satu keputusan dari salah satu penyetuju sudah cukup.", "One decision from any approver is enough."),
        };
        return $"""
            <section class="card" id="progress" aria-labelledby="progress-title">
            <h2 id="progress-title">{E(lang.T("Keputusan lain", "Other decisions"))}</h2>
            <p>{E(policy)}</p>
            {(answered.Length == 0 ? "" : $"<h3>{E(lang.T("Sudah memutuskan", "Already decided"))}</h3><ul>{answered}</ul>")}
            {(awaited.Length == 0 ? "" : $"<h3>{E(lang.T("Masih ditunggu", "Still awaited"))}</h3><ul>{awaited}</ul>")}
            </section>
            """;
    }
}
