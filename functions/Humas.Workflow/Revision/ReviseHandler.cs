using Humas.Workflow.Vocabulary;
using Humas.Workflow.Decisions;
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

namespace Humas.Workflow.Revision;

/// <summary>GET/POST /revise/{token}: the submitter's revision form, single-use like a decision link.</summary>
public sealed class ReviseHandler(
    LinkGate gate, SubmissionStore store, EventClaims claims, UnitProfile unit, TimeProvider clock, Recovery.WorkflowFailures failures,
    Holidays.UnitCalendar calendar, Consents.ConsentRegister consents)
{
    public async Task<IResult> ShowAsync(HttpContext http, string token)
    {
        var lang = Language.Of(http.Request);
        var (link, refused) = await gate.CheckDecisionAsync(token, "revise", lang, http.RequestAborted);
        if (refused is not null) return refused;
        var s = await store.GetAsync(link!.SubmissionId, http.RequestAborted);
        if (s is null) return DecisionHandler.NotFound(unit, lang);
        if (await store.GetMarkerAsync<DecisionClaim>(s.Id, DecisionClaim.Key(Stage.Revision, link.Round), http.RequestAborted) is not null
            || s.WaitingStage != Stage.Revision || s.Round != link.Round)
            return DecisionHandler.MovedOn(unit, lang, s, 200);
        var asked = (await store.GetHistoryAsync(s.Id, http.RequestAborted)).LastOrDefault(h => h.Event == HistoryEvent.RevisionAsked);
        return PageResult.Of<RevisionPage>(new Dictionary<string, object?>
        {
            [nameof(RevisionPage.Unit)] = unit,
            [nameof(RevisionPage.Submission)] = s,
            [nameof(RevisionPage.Link)] = link,
            [nameof(RevisionPage.Asked)] = asked,
            [nameof(RevisionPage.Now)] = clock.GetUtcNow(),
            [nameof(RevisionPage.Calendar)] = await calendar.CurrentAsync(http.RequestAborted),
            [nameof(RevisionPage.Lang)] = lang,
        });
    }

    /// <summary>
    /// The files' alt text, caption, minors and transcript as the revision form sends them (one of each per file, in order), held to
    /// the rules of intake; null when the post says nothing about the files, which then stay as they are.
    /// </summary>
    private static IReadOnlyList<MediaText>? MediaTexts(IFormCollection? form, Submission s, Dictionary<string, string[]> errors)
    {
        if (form is null || s.Media.Count == 0 || !form.ContainsKey(MediaDetails.Alt) && !form.ContainsKey(MediaDetails.Minors)
            && !form.ContainsKey(MediaDetails.Transcript)) return null;
        string? At(string name, int i) => form[name].Count > i && form[name][i]?.Trim() is { Length: > 0 } v ? v : null;
        var details = s.Media.Select((_, i) => (MediaDetail?)new MediaDetail(null, At(MediaDetails.Alt, i), At(MediaDetails.Caption, i), At(MediaDetails.Minors, i), At(MediaDetails.Transcript, i))).ToList();
        var applied = MediaTextRules.Apply(s.Media, details, "media", errors);
        return applied.Select(m => new MediaText(m.Alt, m.Caption, m.Minors, m.Transcript)).ToList();
    }

    public async Task<IResult> ReviseAsync(HttpContext http, DurableTaskClient client, string token)
    {
        var lang = Language.Of(http.Request);
        var ct = http.RequestAborted;
        var (link, refused) = await gate.CheckDecisionAsync(token, "revise", lang, ct);
        if (refused is not null) return refused;
        var (form, unreadable) = await Forms.ReadAsync(http.Request, ct);
        if (unreadable is not null) return unreadable;
        string? Field(string name) => form?[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        var errors = new Dictionary<string, string[]>();
        var title = Field("title");
        if (title is null) errors["title"] = ["Judul wajib diisi / title is required"];
        else if (title.Length > SubmissionValidator.TitleMax) errors["title"] = [$"at most {SubmissionValidator.TitleMax} characters"];
        if (Field("summary")?.Length > SubmissionValidator.SummaryMax) errors["summary"] = [$"at most {SubmissionValidator.SummaryMax} characters"];
        if (Field("body")?.Length > RevisionPage.BodyMax) errors["body"] = [$"at most {RevisionPage.BodyMax} characters"];
        if (Field("comment")?.Length > RevisionPage.CommentMax) errors["comment"] = [$"at most {RevisionPage.CommentMax} characters"];
        foreach (var (name, multiline) in new[] { ("title", false), ("summary", true), ("body", true), ("comment", true) })
            if (!errors.ContainsKey(name) && Field(name) is { } value && TextRules.Check(value, multiline) is { } bad) errors[name] = [bad];
        var s = await store.GetAsync(link!.SubmissionId, ct);
        if (s is null) return DecisionHandler.NotFound(unit, lang);
        var mediaTexts = MediaTexts(form, s, errors);
        var consentId = Field(ConsentFields.Id);
        if (consentId is not null && consentId != s.Consent?.RegisterId
            && (ConsentFields.IdProblem(consentId) ?? await consents.ProblemAsync(consentId, consents.Today(), ct)) is { } consentProblem)
            errors[ConsentFields.Id] = [consentProblem];
        if (errors.Count > 0) return Problems.Validation(errors);

        if (await failures.HasStoppedAsync(client, s, ct)) return DecisionHandler.Stopped(unit, lang);
        var key = DecisionClaim.Key(Stage.Revision, link.Round);
        if (s.WaitingStage != Stage.Revision || s.Round != link.Round || s.Status.IsFinal())
            return DecisionHandler.MovedOn(unit, lang, s, 409);
        var now = clock.GetUtcNow();
        if (consentId is not null) await consents.AddUseAsync(consentId, s.Id, ct);
        var claimed = await claims.ClaimAndRaiseAsync(client, s.Id, key,
            new DecisionClaim(Stage.Revision, link.Round, "revised", Field("comment"), "submitter", s.Content.SubmitterName ?? s.Content.SubmitterEmail, now),
            WorkflowEvents.For(Stage.Revision, link.Round),
            new RevisionSubmitted(link.Round, title!, Field("summary"), Field("body"), Field("comment"), now, mediaTexts,
                consentId == s.Consent?.RegisterId ? null : consentId), ct);
        if (claimed.Earlier is not null) return DecisionHandler.MovedOn(unit, lang, s, 409);
        if (claimed.Failed) return Problems.Status(503, "Revisi belum tercatat / the revision was not recorded", "Please try again.");
        if (await failures.StoppedAfterAsync(client, s.Id, now, ct)) return DecisionHandler.Stopped(unit, lang);
        return PageResult.Message(lang, 200, lang.T("Terima kasih, revisi terkirim", "Thank you, the revision was sent"),
            lang.T("Revisi kembali ke peninjau.", "The revision goes back to the reviewer."), unit);
    }
}
