using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Decisions;

/// <summary>Who took a stage's decision; its row makes every link of that stage single-use.</summary>
public sealed record DecisionClaim(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName, DateTimeOffset At, string? OnBehalfOfName = null);

/// <summary>
/// GET /act/{token} shows the content and the allowed decisions and changes nothing (mail scanners open
/// every link); POST /act/{token} claims the stage once and raises the decision as an event.
/// </summary>
public sealed class DecisionHandler(
    LinkGate gate, SubmissionStore store, MediaStore media, EventClaims claims, UnitProfile unit, TimeProvider clock, ILogger<DecisionHandler> logger)
{
    public static string ClaimKey(Stage stage, int round) => $"claim-{stage}-{round}";

    /// <summary>
    /// Under "any" one claim closes the stage for everyone; under "all" and "sequence" each seat (a decider,
    /// or their backup on their behalf) answers once.
    /// </summary>
    public static string ClaimKey(Submission s, LinkToken link) =>
        s.Policy == DecisionPolicy.Any ? ClaimKey(link.Stage!.Value, link.Round) : $"{ClaimKey(link.Stage!.Value, link.Round)}-{link.SeatKey}";

    public async Task<IResult> ShowAsync(HttpContext http, string token)
    {
        var lang = Language.Of(http.Request);
        var (link, refused) = await gate.CheckDecisionAsync(token, "act", lang, http.RequestAborted);
        if (refused is not null) return refused;
        var s = await store.GetAsync(link!.SubmissionId, http.RequestAborted);
        if (s is null) return LinkGate.Message(lang, 404, lang.T("Pengajuan tidak ditemukan", "Submission not found"), "");
        var claim = await store.GetMarkerAsync<DecisionClaim>(s.Id, ClaimKey(s, link), http.RequestAborted);
        if (claim is not null) return AlreadyDecided(lang, claim, 200);
        if (!IsWaitingFor(s, link)) return MovedOn(lang, s, 200);
        var person = unit.PersonByKeyOrNull(link.PersonKey);
        var seat = link.OnBehalfOf is null ? null : unit.PersonByKeyOrNull(link.OnBehalfOf);

        var decisions = DecisionValues.AllowedAt(link.Stage!.Value);
        var buttons = string.Join("", decisions.Select(d =>
            $"""<button type="submit" name="decision" value="{d}" class="{d}">{E(Label(lang, d))}</button>"""));
        var body = $"""
            <div class="card">
            <p>{E(lang.T("Yth.", "Dear"))} {E(person?.Name ?? link.Email)},
            {E(lang.T(link.Stage == Stage.Review ? "mohon tinjau konten ini." : "mohon putuskan persetujuan konten ini.",
                link.Stage == Stage.Review ? "please review this content." : "please decide on approving this content."))}
            {(seat is null ? "" : E(lang.T($"Anda memutuskan atas nama (a.n.) {seat.Name}.", $"You decide on behalf of {seat.Name}.")))}</p>
            {await ContentHtml(s, lang, http.RequestAborted)}
            </div>
            {ProgressHtml(s, lang)}
            <form method="post" class="card">
            <label for="comment">{E(lang.T("Catatan (wajib untuk revisi atau penolakan)", "Comment (required to revise or reject)"))}</label>
            <textarea id="comment" name="comment" rows="4"></textarea>
            {buttons}
            <p class="hint">{E(lang.T("Keputusan Anda langsung diteruskan; tautan ini tidak bisa dipakai lagi setelahnya.",
                "Your decision is passed on at once; this link cannot be used again afterwards."))}
            {E(lang.T("Batas waktu", "Deadline"))}: {E(Wib.Format(link.ExpiresAt, lang))}</p>
            </form>
            """;
        return HtmlResult.Page(Page(lang, lang.T("Keputusan", "Decision") + ": " + s.Content.Title, body, unit.ShortName));
    }

    public async Task<IResult> DecideAsync(HttpContext http, DurableTaskClient client, string token)
    {
        var lang = Language.Of(http.Request);
        var ct = http.RequestAborted;
        var (link, refused) = await gate.CheckDecisionAsync(token, "act", lang, ct);
        if (refused is not null) return refused;
        var stage = link!.Stage!.Value;

        var (form, unreadable) = await Forms.ReadAsync(http.Request, ct);
        if (unreadable is not null) return unreadable;
        var decision = form?["decision"].ToString().Trim().ToLowerInvariant() ?? "";
        var comment = form?["comment"].ToString().Trim();
        if (!DecisionValues.AllowedAt(stage).Contains(decision))
            return Problems.Field(400, "decision", $"Keputusan harus salah satu dari / must be one of: {string.Join(", ", DecisionValues.AllowedAt(stage))}");
        if (decision is DecisionValues.Revise or DecisionValues.Reject && string.IsNullOrWhiteSpace(comment))
            return Problems.Field(400, "comment", "Catatan wajib untuk revisi atau penolakan / a comment is required to revise or reject");
        if (comment?.Length > 4000) return Problems.Field(400, "comment", "Paling banyak 4000 karakter / at most 4000 characters");
        if (comment is not null && TextRules.Check(comment, multiline: true) is { } badComment) return Problems.Field(400, "comment", badComment);

        var s = await store.GetAsync(link.SubmissionId, ct);
        if (s is null) return LinkGate.Message(lang, 404, lang.T("Pengajuan tidak ditemukan", "Submission not found"), "");
        var key = ClaimKey(s, link);
        if (await store.GetMarkerAsync<DecisionClaim>(s.Id, key, ct) is { } earlier) return AlreadyDecided(lang, earlier, 409);
        if (!IsWaitingFor(s, link)) return MovedOn(lang, s, 409);

        var person = unit.PersonByKeyOrNull(link.PersonKey);
        var seat = link.OnBehalfOf is null ? null : unit.PersonByKeyOrNull(link.OnBehalfOf);
        // Only a link signed for someone the profile no longer knows gets here: it is as good as forged.
        if (person is null || (link.OnBehalfOf is not null && seat is null))
            return LinkGate.Message(lang, 403, lang.T("Tautan tidak sah", "This link is not valid"),
                $"<p>{E(lang.T("Orang pada tautan ini tidak dikenal.", "The person this link was made for is not known."))}</p>");
        var now = clock.GetUtcNow();
        var claimed = await claims.ClaimAndRaiseAsync(client, s.Id, key,
            new DecisionClaim(stage, link.Round, decision, comment, person.Key, person.Name, now, seat?.Name),
            WorkflowEvents.For(stage, link.Round),
            new DecisionMade(stage, link.Round, decision, comment, person.Key, person.Name, now, seat?.Key, seat?.Name), ct);
        if (claimed.Earlier is { } taken) return AlreadyDecided(lang, taken, 409);
        if (claimed.Failed) return Problems.Status(503, "Keputusan belum tercatat / the decision was not recorded", "Please try again.");
        logger.LogInformation("{Stage} decision {Decision} for {Id} by {Person}", stage, decision, s.Id, person.Key);
        var next = decision switch
        {
            DecisionValues.Accept => lang.T("Konten diteruskan untuk persetujuan.", "The content goes on to approval."),
            DecisionValues.Approve => lang.T("Konten akan diterbitkan.", "The content will be published."),
            DecisionValues.Revise => lang.T("Pengaju diminta merevisi.", "The submitter is asked to revise."),
            _ => lang.T("Pengaju diberi tahu bahwa konten ditolak.", "The submitter is told the content was rejected."),
        };
        return LinkGate.Message(lang, 200, lang.T("Terima kasih, keputusan tercatat", "Thank you, the decision is recorded"),
            $"<p><strong>{E(Label(lang, decision))}</strong>: {E(s.Content.Title)}</p><p>{E(next)}</p>");
    }

    private static bool IsWaitingFor(Submission s, LinkToken link) =>
        !s.Status.IsFinal() && s.WaitingStage == link.Stage && s.Round == link.Round
        && s.Awaiting.Contains(link.SeatKey, StringComparer.OrdinalIgnoreCase);

    /// <summary>Who has answered this stage so far and who is still awaited.</summary>
    private static string ProgressHtml(Submission s, Lang lang)
    {
        if (s.Responses.Count == 0 && s.WaitingFor.Count <= 1) return "";
        var answered = string.Join("", s.Responses.Select(r =>
            $"<li>{E(r.Name)}{(r.OnBehalfOfName is null ? "" : $" a.n. {E(r.OnBehalfOfName)}")}: <strong>{E(Label(lang, r.Decision))}</strong>, {E(Wib.Format(r.At, lang))}</li>"));
        var awaited = string.Join("", s.WaitingFor.Select(n => $"<li>{E(n)}</li>"));
        var policy = s.Policy switch
        {
            DecisionPolicy.All => lang.T("Semua penyetuju harus menyetujui.", "Every approver must approve."),
            DecisionPolicy.Sequence => lang.T("Penyetuju memutuskan berurutan.", "Approvers decide one after another."),
            _ => lang.T("Satu keputusan dari salah satu penyetuju sudah cukup.", "One decision from any approver is enough."),
        };
        return $"""
            <div class="card"><p>{E(policy)}</p>
            {(answered.Length == 0 ? "" : $"<p>{E(lang.T("Sudah memutuskan", "Already decided"))}:</p><ul>{answered}</ul>")}
            {(awaited.Length == 0 ? "" : $"<p>{E(lang.T("Masih ditunggu", "Still awaited"))}:</p><ul>{awaited}</ul>")}
            </div>
            """;
    }

    private static IResult AlreadyDecided(Lang lang, DecisionClaim claim, int status) =>
        LinkGate.Message(lang, status, lang.T("Keputusan sudah diambil", "The decision has already been taken"),
            $"<p><strong>{E(Label(lang, claim.Decision))}</strong> (<code>{E(claim.Decision)}</code>) {E(lang.T("oleh", "by"))} {E(claim.PersonName)}{(claim.OnBehalfOfName is null ? "" : $" a.n. {E(claim.OnBehalfOfName)}")}, {E(Wib.Format(claim.At, lang))}</p>"
            + (string.IsNullOrWhiteSpace(claim.Comment) ? "" : $"<p>{E(claim.Comment)}</p>"));

    internal static IResult MovedOn(Lang lang, Submission s, int status) =>
        LinkGate.Message(lang, status, lang.T("Tahap ini sudah selesai", "This stage is over"),
            $"<p>{E(lang.T("Status pengajuan sekarang", "The submission's status is now"))}: <span class=\"status\">{E(StatusText(lang, s.Status))}</span> (<code>{s.Status}</code>)</p>");

    internal async Task<string> ContentHtml(Submission s, Lang lang, CancellationToken ct)
    {
        var mediaHtml = new List<string>();
        foreach (var m in s.Media)
        {
            var url = E((await media.ReadLinkAsync(m.BlobName, TimeSpan.FromMinutes(30), ct)).ToString());
            mediaHtml.Add(m.ContentType.Split('/')[0] switch
            {
                "image" => $"""<img class="media" src="{url}" alt="{E(m.Name)}">""",
                "video" => $"""<video class="media" controls preload="metadata" src="{url}"></video>""",
                "audio" => $"""<audio controls preload="metadata" src="{url}"></audio>""",
                _ => $"""<a href="{url}">{E(m.Name)}</a>""",
            });
        }
        var region = s.Content.Region is null ? "-" : unit.RegionByCode(s.Content.Region)?.Name ?? s.Content.Region;
        return $"""
            <h1>{E(s.Content.Title)}</h1>
            <table>
            <tr><th>{E(lang.T("Jenis", "Type"))}</th><td>{E(s.Content.ContentType)}</td></tr>
            <tr><th>{E(lang.T("Jalur", "Track"))}</th><td>{E(unit.TrackById(s.Content.Track)?.Name ?? s.Content.Track)}</td></tr>
            <tr><th>{E(lang.T("Kanal", "Channels"))}</th><td>{E(string.Join(", ", s.Content.Channels))}</td></tr>
            <tr><th>{E(lang.T("Wilayah", "Region"))}</th><td>{E(region)}</td></tr>
            <tr><th>{E(lang.T("Pengaju", "Submitter"))}</th><td>{E(s.Content.SubmitterName)} &lt;{E(s.Content.SubmitterEmail)}&gt;</td></tr>
            </table>
            {(s.Content.Summary is null ? "" : $"<p><strong>{E(s.Content.Summary)}</strong></p>")}
            {(s.Content.Body is null ? "" : $"<div style=\"white-space:pre-wrap\">{E(s.Content.Body)}</div>")}
            {string.Join("\n", mediaHtml)}
            """;
    }

    public static string Label(Lang lang, string decision) => decision switch
    {
        DecisionValues.Accept => lang.T("Terima", "Accept"),
        DecisionValues.Approve => lang.T("Setujui", "Approve"),
        DecisionValues.Revise => lang.T("Minta revisi", "Ask for revision"),
        DecisionValues.Reject => lang.T("Tolak", "Reject"),
        _ => decision,
    };

    public static string StatusText(Lang lang, SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => lang.T("Diajukan", "Submitted"),
        SubmissionStatus.InReview => lang.T("Sedang ditinjau", "In review"),
        SubmissionStatus.RevisionRequested => lang.T("Perlu revisi", "Revision requested"),
        SubmissionStatus.AwaitingApproval => lang.T("Menunggu persetujuan", "Awaiting approval"),
        SubmissionStatus.Approved => lang.T("Disetujui", "Approved"),
        SubmissionStatus.Scheduled => lang.T("Terjadwal", "Scheduled"),
        SubmissionStatus.Publishing => lang.T("Sedang diterbitkan", "Publishing"),
        SubmissionStatus.Published => lang.T("Terbit", "Published"),
        SubmissionStatus.Rejected => lang.T("Ditolak", "Rejected"),
        SubmissionStatus.Withdrawn => lang.T("Ditarik", "Withdrawn"),
        SubmissionStatus.Expired => lang.T("Kedaluwarsa", "Expired"),
        SubmissionStatus.PublicationFailed => lang.T("Gagal terbit", "Publication failed"),
        _ => status.ToString(),
    };
}
