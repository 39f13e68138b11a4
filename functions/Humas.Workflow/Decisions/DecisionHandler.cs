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

namespace Humas.Workflow.Decisions;

/// <summary>
/// GET /act/{token} shows the content and the allowed decisions and changes nothing (mail scanners open
/// every link); POST /act/{token} claims the stage once and raises the decision as an event.
/// </summary>
public sealed class DecisionHandler(
    LinkGate gate, SubmissionStore store, MediaStore media, EventClaims claims, UnitProfile unit, UnitPeople people, TimeProvider clock,
    Recovery.WorkflowFailures failures, ILogger<DecisionHandler> logger, Holidays.UnitCalendar calendar, Rounds.RoundSnapshots rounds,
    Consents.ConsentRegister consents)
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
        if (s is null) return NotFound(unit, lang);
        if (await HandOverOfAsync(s.Id, link, http.RequestAborted) is { } handed) return await HandedOnAsync(lang, s.Id, handed, 200, http.RequestAborted);
        var claim = await store.GetMarkerAsync<DecisionClaim>(s.Id, ClaimKey(s, link), http.RequestAborted);
        if (claim is not null) return AlreadyDecided(lang, claim, 200);
        if (!IsWaitingFor(s, link)) return MovedOn(unit, lang, s, 200);
        var (person, seat) = await SignerAsync(link, http.RequestAborted);
        var registered = s.Consent?.RegisterId is { } registerId ? await consents.GetAsync(registerId, http.RequestAborted) : null;
        var registerProblem = s.Consent?.RegisterId is null ? null
            : registered is null ? Consents.ConsentRegister.NotInRegister : registered.ProblemOn(consents.Today());

        return PageResult.Of<DecisionPage>(new Dictionary<string, object?>
        {
            [nameof(DecisionPage.Unit)] = unit,
            [nameof(DecisionPage.Submission)] = s,
            [nameof(DecisionPage.Link)] = link,
            [nameof(DecisionPage.PersonName)] = person?.Name ?? link.Email,
            [nameof(DecisionPage.SeatName)] = seat?.Name,
            [nameof(DecisionPage.Media)] = await PreviewsAsync(s, http.RequestAborted),
            [nameof(DecisionPage.Checklist)] = s.Checklist(unit, []),
            [nameof(DecisionPage.Waived)] = s.MissingToPass(link.Stage!.Value, unit, [], registerProblem).Count == 0 && !s.Gated,
            [nameof(DecisionPage.Registered)] = registered,
            [nameof(DecisionPage.RegisterProblem)] = registerProblem,
            [nameof(DecisionPage.ConsentLink)] = s.Consent?.Document is { } document
                ? (await media.ReadLinkAsync(document.BlobName, PreviewLifetime, http.RequestAborted)).ToString() : null,
            [nameof(DecisionPage.PreviewLifetime)] = PreviewLifetime,
            [nameof(DecisionPage.Now)] = clock.GetUtcNow(),
            [nameof(DecisionPage.Calendar)] = await calendar.CurrentAsync(http.RequestAborted),
            [nameof(DecisionPage.Lang)] = lang,
            [nameof(DecisionPage.Chosen)] = Chosen(http.Request, link.Stage!.Value),
            [nameof(DecisionPage.Changes)] = await rounds.ChangesAsync(s, http.RequestAborted),
            [nameof(DecisionPage.Colleagues)] = s.WorkflowVersion >= HandOnVersion ? await ColleaguesAsync(s, link, http.RequestAborted) : [],
        });
    }

    /// <summary>
    /// The decision a mail's button chose. Anything else is ignored rather than refused: the page changes nothing and
    /// shows every decision anyway.
    /// </summary>
    private static string? Chosen(HttpRequest request, Stage stage) =>
        request.Query["decision"] is { Count: 1 } v && DecisionValues.AllowedAt(stage).Contains(v[0]) ? v[0] : null;

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
        if (decision == DecisionValues.Reassign) return await HandOnAsync(http, client, link, form?["to"].ToString().Trim() ?? "", comment, lang);
        if (!DecisionValues.AllowedAt(stage).Contains(decision))
            return Problems.Field(400, "decision", $"Keputusan harus salah satu dari / must be one of: {string.Join(", ", DecisionValues.AllowedAt(stage))}");
        if (decision is DecisionValues.Revise or DecisionValues.Reject && string.IsNullOrWhiteSpace(comment))
            return Problems.Field(400, "comment", "Catatan wajib untuk revisi atau penolakan / a comment is required to revise or reject");
        if (comment?.Length > 4000) return Problems.Field(400, "comment", "Paling banyak 4000 karakter / at most 4000 characters");
        if (comment is not null && TextRules.Check(comment, multiline: true) is { } badComment) return Problems.Field(400, "comment", badComment);

        var s = await store.GetAsync(link.SubmissionId, ct);
        if (s is null) return NotFound(unit, lang);
        var ticked = form?["checklist"].Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        var known = unit.ChecklistFor(s.Content.ContentType).Select(i => i.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (ticked.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            return Problems.Field(400, "checklist", $"Butir daftar periksa tidak dikenal / unknown checklist item '{(unknown.Length > 40 ? unknown[..40] : unknown)}'");
        // A register consent holds at approval only if it is valid on the day of the decision.
        var registerProblem = s.Consent?.RegisterId is { } registerId ? await consents.ProblemAsync(registerId, consents.Today(), ct) : null;
        if (decision is DecisionValues.Accept or DecisionValues.Approve && s.MissingToPass(stage, unit, ticked, registerProblem) is { Count: > 0 } missing)
            return Problems.Validation(missing.ToDictionary(m => m, m => new[] { MissingReason(s, m, registerProblem) }));
        if (await failures.HasStoppedAsync(client, s, ct)) return Stopped(unit, lang);
        if (await HandOverOfAsync(s.Id, link, ct) is { } handed) return await HandedOnAsync(lang, s.Id, handed, 409, ct);
        var key = ClaimKey(s, link);
        if (await store.GetMarkerAsync<DecisionClaim>(s.Id, key, ct) is { } earlier) return AlreadyDecided(lang, earlier, 409);
        if (!IsWaitingFor(s, link)) return MovedOn(unit, lang, s, 409);

        var (person, seat) = await SignerAsync(link, ct);
        if (person is null || (link.OnBehalfOf is not null && seat is null)) return UnknownPerson(lang);
        var now = clock.GetUtcNow();
        var claimed = await claims.ClaimAndRaiseAsync(client, s.Id, key,
            new DecisionClaim(stage, link.Round, decision, comment, person.Key, person.Name, now, seat?.Name),
            WorkflowEvents.For(stage, link.Round),
            new DecisionMade(stage, link.Round, decision, comment, person.Key, person.Name, now, seat?.Key, seat?.Name, ticked), ct);
        if (claimed.Earlier is { } taken) return AlreadyDecided(lang, taken, 409);
        if (claimed.Failed) return Problems.Status(503, "Keputusan belum tercatat / the decision was not recorded", "Please try again.");
        // The claim stays: a restart of the stage gives it back (RecoveryHandlers).
        if (await failures.StoppedAfterAsync(client, s.Id, now, ct)) return Stopped(unit, lang);
        logger.LogInformation("{Stage} decision {Decision} for {Id} by {Person}", stage, decision, s.Id, person.Key);
        return PageResult.Of<DecisionRecorded>(new Dictionary<string, object?>
        {
            [nameof(DecisionRecorded.Lang)] = lang,
            [nameof(DecisionRecorded.Decision)] = decision,
            [nameof(DecisionRecorded.Title)] = s.Content.Title,
            [nameof(DecisionRecorded.Unit)] = unit,
        });
    }

    /// <summary>The workflow version from which a seat can be handed on; older instances would read it as a decision.</summary>
    public const int HandOnVersion = 4;

    /// <summary>
    /// POST with <c>decision=reassign</c>: the seat goes to <paramref name="to"/>, a colleague <see cref="Colleagues.Allowed"/>
    /// names, with the reason in <paramref name="comment"/>. The hand-over row is the claim: it makes this seat's links
    /// answer with who has it now, while the stage's decision claim stays free for the colleague.
    /// </summary>
    private async Task<IResult> HandOnAsync(HttpContext http, DurableTaskClient client, LinkToken link, string to, string? comment, Lang lang)
    {
        var ct = http.RequestAborted;
        var stage = link.Stage!.Value;
        if (string.IsNullOrWhiteSpace(comment))
            return Problems.Field(400, "comment", "Alasan wajib untuk menyerahkan keputusan / a reason is required to hand the decision on");
        if (comment.Length > 4000) return Problems.Field(400, "comment", "Paling banyak 4000 karakter / at most 4000 characters");
        if (TextRules.Check(comment, multiline: true) is { } badComment) return Problems.Field(400, "comment", badComment);
        if (to.Length == 0) return Problems.Field(400, "to", "Pilih rekan yang menerima keputusan ini / choose the colleague who takes this decision");
        if (to.Length > 100 || TextRules.Check(to, multiline: false) is not null)
            return Problems.Field(400, "to", "Bukan kunci orang di profil unit / not a person key of the unit profile");

        var s = await store.GetAsync(link.SubmissionId, ct);
        if (s is null) return NotFound(unit, lang);
        if (await failures.HasStoppedAsync(client, s, ct)) return Stopped(unit, lang);
        if (await HandOverOfAsync(s.Id, link, ct) is { } handed) return await HandedOnAsync(lang, s.Id, handed, 409, ct);
        if (await store.GetMarkerAsync<DecisionClaim>(s.Id, ClaimKey(s, link), ct) is { } earlier) return AlreadyDecided(lang, earlier, 409);
        if (!IsWaitingFor(s, link)) return MovedOn(unit, lang, s, 409);
        if (s.WorkflowVersion < HandOnVersion)
            return PageResult.Message(lang, 409, lang.T("Keputusan ini tidak dapat diserahkan", "This decision cannot be handed on"),
                lang.T("Pengajuan ini dimulai sebelum keputusan dapat diserahkan ke rekan. Putuskan sendiri, atau minta tim Humas mengirim tautan kepada rekan Anda.",
                    "This submission started before decisions could be handed on. Decide yourself, or ask the Humas team to send your colleague a link."), unit);

        var allowed = await ColleaguesAsync(s, link, ct);
        if (allowed.FirstOrDefault(p => string.Equals(p.Key, to, StringComparison.OrdinalIgnoreCase)) is not { } colleague)
            return Problems.Field(400, "to", allowed.Count == 0
                ? "Tidak ada rekan yang boleh menerima keputusan ini / nobody may take this decision over"
                : $"Boleh diserahkan kepada / may be handed to: {string.Join(", ", allowed.Select(p => p.Key))}");
        var (person, seat) = await SignerAsync(link, ct);
        if (person is null || (link.OnBehalfOf is not null && seat is null)) return UnknownPerson(lang);

        var now = clock.GetUtcNow();
        var handOver = new HandOver(stage, link.Round, link.SeatKey, person.Key, person.Name, colleague.Key, colleague.Name, comment, now);
        var claimed = await claims.ClaimAndRaiseAsync(client, s.Id, HandOver.Key(stage, link.Round, link.SeatKey), handOver,
            WorkflowEvents.For(stage, link.Round),
            new DecisionMade(stage, link.Round, DecisionValues.Reassign, comment, person.Key, person.Name, now, seat?.Key, seat?.Name, [], colleague.Key), ct);
        if (claimed.Earlier is { } taken) return await HandedOnAsync(lang, s.Id, taken, 409, ct);
        if (claimed.Failed) return Problems.Status(503, "Penyerahan belum tercatat / the hand-on was not recorded", "Please try again.");
        logger.LogInformation("{Stage} seat {Seat} of {Id} handed on to {To}", stage, link.SeatKey, s.Id, colleague.Key);
        return await HandedOnAsync(lang, s.Id, handOver, 200, ct, fresh: true);
    }

    /// <summary>The hand-over of the link's seat in its stage and round, if it was handed on.</summary>
    private Task<HandOver?> HandOverOfAsync(string id, LinkToken link, CancellationToken ct) =>
        store.GetMarkerAsync<HandOver>(id, HandOver.Key(link.Stage!.Value, link.Round, link.SeatKey), ct);

    /// <summary>The page naming who holds the seat now, following a colleague who handed it on again (a few steps at most).</summary>
    private async Task<IResult> HandedOnAsync(Lang lang, string id, HandOver handed, int status, CancellationToken ct, bool fresh = false)
    {
        var holder = handed;
        for (var hops = 0; hops < 5 && await store.GetMarkerAsync<HandOver>(id, HandOver.Key(holder.Stage, holder.Round, holder.ToKey), ct) is { } next; hops++)
            holder = next;
        return PageResult.Of<HandedOn>(new Dictionary<string, object?>
        {
            [nameof(HandedOn.Lang)] = lang,
            [nameof(HandedOn.Handed)] = handed,
            [nameof(HandedOn.Holder)] = holder,
            [nameof(HandedOn.Fresh)] = fresh,
            [nameof(HandedOn.Unit)] = unit,
        }, status);
    }

    /// <summary>Whom this link's seat may go to, with four-eyes read from the claims of the round's other stage.</summary>
    private async Task<IReadOnlyList<Person>> ColleaguesAsync(Submission s, LinkToken link, CancellationToken ct)
    {
        var stage = link.Stage!.Value;
        var other = await store.GetMarkersAsync<DecisionClaim>(s.Id, DecisionClaim.Key(Colleagues.OtherStage(stage), link.Round), ct);
        var handed = await store.GetMarkersAsync<HandOver>(s.Id, $"handover-{stage}-{link.Round}-", ct);
        return Colleagues.Allowed(await people.CurrentAsync(ct), s, link,
            other.Where(c => c.Round == link.Round).Select(c => c.PersonKey),
            handed.Where(h => h.Round == link.Round).SelectMany(h => new[] { h.FromKey, h.SeatKey }));
    }

    /// <summary>Why an accept or approve is refused for one missing item, in both languages.</summary>
    private string MissingReason(Submission s, string field, string? registerProblem) =>
        field == ChecklistLine.FieldOf(Submission.ConsentItem) && registerProblem is not null
            ? $"{registerProblem}; minta revisi / ask for a revision"
        : field == ChecklistLine.FieldOf(Submission.ConsentItem)
            ? "Persetujuan orang tua/wali belum ada untuk media yang menampilkan anak-anak; minta revisi / no guardian's consent for media that show children; ask for a revision"
            : unit.ChecklistFor(s.Content.ContentType).FirstOrDefault(i => ChecklistLine.FieldOf(i.Key) == field) is { } item
                ? $"Belum terpenuhi: {item.Id} / not done yet: {item.En}"
                : "Belum terpenuhi / not done yet";

    /// <summary>The person the link was sent to, even when the role has moved to someone else since, and the seat they stand in for.</summary>
    private async Task<(Person? Person, Person? Seat)> SignerAsync(LinkToken link, CancellationToken ct) =>
        (await people.ResolveAsync(link.PersonKey, link.Email, ct),
         link.OnBehalfOf is null ? null : await people.ResolveAsync(link.OnBehalfOf, null, ct));

    /// <summary>Only a link signed for a role the unit has never had gets here: it is as good as forged.</summary>
    private IResult UnknownPerson(Lang lang) =>
        PageResult.Message(lang, 403, lang.T("Tautan tidak sah", "This link is not valid"),
            lang.T("Orang pada tautan ini tidak dikenal.", "The person this link was made for is not known."), unit);

    private static bool IsWaitingFor(Submission s, LinkToken link) =>
        !s.Status.IsFinal() && s.WaitingStage == link.Stage && s.Round == link.Round
        && s.Awaiting.Contains(link.SeatKey, StringComparer.OrdinalIgnoreCase);

    private IResult AlreadyDecided(Lang lang, DecisionClaim claim, int status) =>
        PageResult.Of<AlreadyDecided>(new Dictionary<string, object?>
        {
            [nameof(Decisions.AlreadyDecided.Lang)] = lang,
            [nameof(Decisions.AlreadyDecided.Claim)] = claim,
            [nameof(Decisions.AlreadyDecided.Unit)] = unit,
        }, status);

    internal static IResult NotFound(UnitProfile unit, Lang lang) =>
        PageResult.Message(lang, 404, lang.T("Pengajuan tidak ditemukan", "Submission not found"), unit: unit);

    /// <summary>The workflow stopped: nothing the person sends now would be acted on.</summary>
    internal static IResult Stopped(UnitProfile unit, Lang lang) => PageResult.Of<StatusMessage>(new Dictionary<string, object?>
    {
        [nameof(StatusMessage.Lang)] = lang,
        [nameof(StatusMessage.Title)] = lang.T("Alur kerja pengajuan ini terhenti", "This submission's workflow has stopped"),
        [nameof(StatusMessage.Text)] = lang.T(
            "Keputusan Anda belum dapat dicatat karena gangguan sistem. Tim Humas sudah diberi tahu dan akan melanjutkan atau menutup pengajuan ini; bila dilanjutkan, tautan Anda berlaku lagi sampai batas waktunya.",
            "Your decision cannot be recorded because of a system fault. The Humas team has been told and will restart or close this submission; once it is restarted, your link works again until it expires."),
        [nameof(StatusMessage.Label)] = lang.T("Status", "Status"),
        [nameof(StatusMessage.Status)] = SubmissionStatus.WorkflowFailed,
        [nameof(StatusMessage.Unit)] = unit,
    }, 409);

    /// <summary>
    /// The stage is over. A POST on a submission that expired answers 410 like an expired link: the durable
    /// timer may close the stage a moment before the link's own expiry passes.
    /// </summary>
    internal static IResult MovedOn(UnitProfile unit, Lang lang, Submission s, int status) => PageResult.Of<StatusMessage>(new Dictionary<string, object?>
    {
        [nameof(StatusMessage.Lang)] = lang,
        [nameof(StatusMessage.Title)] = lang.T("Tahap ini sudah selesai", "This stage is over"),
        [nameof(StatusMessage.Label)] = lang.T("Status pengajuan sekarang", "The submission's status is now"),
        [nameof(StatusMessage.Status)] = s.Status,
        [nameof(StatusMessage.Unit)] = unit,
    }, status == 409 && s.Status == SubmissionStatus.Expired ? 410 : status);

    /// <summary>The submission's media with short-lived, read-only links: the page may be forwarded, the media should not outlive the decision.</summary>
    private async Task<IReadOnlyList<MediaPreview>> PreviewsAsync(Submission s, CancellationToken ct)
    {
        var previews = new List<MediaPreview>();
        foreach (var m in s.Media)
            previews.Add(new MediaPreview(m, (await media.ReadLinkAsync(m.BlobName, PreviewLifetime, ct)).ToString()));
        return previews;
    }

    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);
}
