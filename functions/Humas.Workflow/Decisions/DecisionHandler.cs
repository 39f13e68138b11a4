using Humas.Workflow.Vocabulary;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Decisions;

/// <summary>
/// GET /act/{token} shows the content and the allowed decisions and changes nothing (mail scanners open
/// every link); POST /act/{token} claims the stage once and raises the decision as an event.
/// </summary>
public sealed class DecisionHandler(
    LinkGate gate, SubmissionStore store, MediaStore media, EventClaims claims, UnitProfile unit, UnitPeople people, TimeProvider clock,
    Recovery.WorkflowFailures failures, ILogger<DecisionHandler> logger)
{
    /// <summary>
    /// Under "any" one claim closes the stage for everyone; under "all" and "sequence" each seat (a decider,
    /// or their backup on their behalf) answers once.
    /// </summary>
    public static string ClaimKey(Submission s, LinkToken link) =>
        s.Policy == DecisionPolicy.Any ? DecisionClaim.Key(link.Stage!.Value, link.Round) : $"{DecisionClaim.Key(link.Stage!.Value, link.Round)}-{link.SeatKey}";

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
        var person = await people.ResolveAsync(link.PersonKey, link.Email, http.RequestAborted);
        var seat = link.OnBehalfOf is null ? null : await people.ResolveAsync(link.OnBehalfOf, null, http.RequestAborted);

        var content = await ContentHtml(s, lang, http.RequestAborted);
        var body = DecisionPage.Body(unit, s, link, person?.Name ?? link.Email, seat?.Name, content, clock.GetUtcNow(), lang);
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
        if (await failures.HasStoppedAsync(client, s, ct)) return Stopped(lang);
        var key = ClaimKey(s, link);
        if (await store.GetMarkerAsync<DecisionClaim>(s.Id, key, ct) is { } earlier) return AlreadyDecided(lang, earlier, 409);
        if (!IsWaitingFor(s, link)) return MovedOn(lang, s, 409);

        // The person the link was sent to, even when the role has moved to someone else since.
        var person = await people.ResolveAsync(link.PersonKey, link.Email, ct);
        var seat = link.OnBehalfOf is null ? null : await people.ResolveAsync(link.OnBehalfOf, null, ct);
        // Only a link signed for a role the unit has never had gets here: it is as good as forged.
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
        // The claim stays: a restart of the stage gives it back (RecoveryHandlers).
        if (await failures.StoppedAfterAsync(client, s.Id, now, ct)) return Stopped(lang);
        logger.LogInformation("{Stage} decision {Decision} for {Id} by {Person}", stage, decision, s.Id, person.Key);
        var next = decision switch
        {
            DecisionValues.Accept => lang.T("Konten diteruskan untuk persetujuan.", "The content goes on to approval."),
            DecisionValues.Approve => lang.T("Konten akan diterbitkan.", "The content will be published."),
            DecisionValues.Revise => lang.T("Pengaju diminta merevisi.", "The submitter is asked to revise."),
            _ => lang.T("Pengaju diberi tahu bahwa konten ditolak.", "The submitter is told the content was rejected."),
        };
        return LinkGate.Message(lang, 200, lang.T("Terima kasih, keputusan tercatat", "Thank you, the decision is recorded"),
            $"<p><strong>{E(Terms.Decision(decision).In(lang))}</strong>: {E(s.Content.Title)}</p><p>{E(next)}</p>");
    }

    private static bool IsWaitingFor(Submission s, LinkToken link) =>
        !s.Status.IsFinal() && s.WaitingStage == link.Stage && s.Round == link.Round
        && s.Awaiting.Contains(link.SeatKey, StringComparer.OrdinalIgnoreCase);

    private static IResult AlreadyDecided(Lang lang, DecisionClaim claim, int status) =>
        LinkGate.Message(lang, status, lang.T("Keputusan sudah diambil", "The decision has already been taken"),
            $"<p><strong>{E(Terms.Decision(claim.Decision).In(lang))}</strong> {E(lang.T("oleh", "by"))} {E(claim.PersonName)}{(claim.OnBehalfOfName is null ? "" : $" a.n. {E(claim.OnBehalfOfName)}")}, {E(Wib.Format(claim.At, lang))}</p>"
            + (string.IsNullOrWhiteSpace(claim.Comment) ? "" : $"<p>{E(claim.Comment)}</p>"));

    /// <summary>The workflow stopped: nothing the person sends now would be acted on.</summary>
    internal static IResult Stopped(Lang lang) =>
        LinkGate.Message(lang, 409, lang.T("Alur kerja pengajuan ini terhenti", "This submission's workflow has stopped"),
            $"<p>{E(lang.T("Keputusan Anda belum dapat dicatat karena gangguan sistem. Tim Humas sudah diberi tahu dan akan melanjutkan atau menutup pengajuan ini; bila dilanjutkan, tautan Anda berlaku lagi sampai batas waktunya.",
                "Your decision cannot be recorded because of a system fault. The Humas team has been told and will restart or close this submission; once it is restarted, your link works again until it expires."))}</p>"
            + $"<p>{E(lang.T("Status", "Status"))}: <span class=\"status\">{E(Terms.Status(SubmissionStatus.WorkflowFailed).In(lang))}</span></p>");

    /// <summary>
    /// The stage is over. A POST on a submission that expired answers 410 like an expired link: the durable
    /// timer may close the stage a moment before the link's own expiry passes.
    /// </summary>
    internal static IResult MovedOn(Lang lang, Submission s, int status) =>
        LinkGate.Message(lang, status == 409 && s.Status == SubmissionStatus.Expired ? 410 : status, lang.T("Tahap ini sudah selesai", "This stage is over"),
            $"<p>{E(lang.T("Status pengajuan sekarang", "The submission's status is now"))}: <span class=\"status\">{E(Terms.Status(s.Status).In(lang))}</span></p>");

    /// <summary>The content as the deciders judge it: its facts, text and media, each medium previewed where a browser can play it.</summary>
    internal async Task<string> ContentHtml(Submission s, Lang lang, CancellationToken ct)
    {
        var figures = new List<string>();
        foreach (var m in s.Media)
        {
            // Short-lived, read-only links: the page may be forwarded, the media should not outlive the decision.
            var url = E((await media.ReadLinkAsync(m.BlobName, PreviewLifetime, ct)).ToString());
            var kind = m.ContentType.Split('/')[0];
            var name = E(m.Name);
            var preview = kind switch
            {
                "image" => $"""<img class="media" src="{url}" alt="{E(lang.T("Foto", "Photo"))}: {name}">""",
                "video" => $"""<video class="media" controls preload="metadata" src="{url}" aria-label="{E(lang.T("Video", "Video"))}: {name}"></video>""",
                "audio" => $"""<audio class="media" controls preload="metadata" src="{url}" aria-label="{E(lang.T("Audio", "Audio"))}: {name}"></audio>""",
                _ => "",
            };
            figures.Add($"""
                <figure class="media" data-kind="{E(kind)}">{preview}
                <figcaption>{name} · {E(Size(m.Size, lang))} · <a href="{url}">{E(lang.T("Buka", "Open"))} {name}</a></figcaption>
                </figure>
                """);
        }
        var region = s.Content.Region is null ? null : unit.RegionByCode(s.Content.Region)?.Name ?? s.Content.Region;
        var team = s.Content.Team is null ? null : unit.TeamById(s.Content.Team)?.Name ?? s.Content.Team;
        var submitter = s.Content.SubmitterName is null ? s.Content.SubmitterEmail : $"{s.Content.SubmitterName} <{s.Content.SubmitterEmail}>";
        var facts = new List<(string, string?)>
        {
            (lang.T("Jenis", "Type"), Terms.ContentType(s.Content.ContentType).In(lang)),
            (lang.T("Jalur", "Track"), unit.TrackById(s.Content.Track)?.Name ?? s.Content.Track),
            (lang.T("Kanal", "Channels"), string.Join(", ", s.Content.Channels.Select(c => Terms.Channel(c).In(lang)))),
            (lang.T("Tim", "Team"), team),
            (lang.T("Wilayah", "Region"), region),
            (lang.T("Program", "Programme"), s.Content.Program is null ? null : s.Content.Program + (s.Content.PriorityProgram ? lang.T(" (prioritas)", " (priority)") : "")),
            (lang.T("Jadwal terbit", "Publish at"), s.Content.PublishAt is null ? null : Wib.Format(s.Content.PublishAt, lang)),
            (lang.T("Pengaju", "Submitter"), submitter),
        };
        var mediaSection = figures.Count == 0 ? "" : $"""
            <section aria-labelledby="media-title">
            <h2 id="media-title">{E(lang.T("Media", "Media"))} ({figures.Count})</h2>
            {string.Concat(figures)}
            <p class="hint">{E(lang.T($"Pratinjau memakai tautan sementara ({PreviewLifetime.TotalMinutes:0} menit); muat ulang halaman bila tidak tampil.",
                $"The previews use temporary links ({PreviewLifetime.TotalMinutes:0} minutes); reload the page if they do not show."))}</p>
            </section>
            """;
        return $"""
            <h1 id="content-title">{E(s.Content.Title)}</h1>
            <dl class="facts">{string.Concat(facts.Where(f => f.Item2 is not null).Select(f => $"<dt>{E(f.Item1)}</dt><dd>{E(f.Item2)}</dd>"))}</dl>
            {(s.Content.Summary is null ? "" : $"<p class=\"lead\"><strong>{E(s.Content.Summary)}</strong></p>")}
            {(s.Content.Body is null ? "" : $"<div style=\"white-space:pre-wrap\">{E(s.Content.Body)}</div>")}
            {mediaSection}
            """;
    }

    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);
}
