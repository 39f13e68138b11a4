using Humas.Workflow.Vocabulary;
using Humas.Workflow.Pages;
using Humas.Workflow.People;
using Humas.Workflow.Storage;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Links;

/// <summary>Checks a link from an email and answers people with a page when it cannot be used.</summary>
public sealed class LinkGate(LinkBook book, TimeProvider clock, SubmissionStore store, Profiles.UnitProfile unit, UnitPeople people)
{
    public const string RevocationKey = "links-revoked";

    /// <summary>Staff revoked every decision link made before this moment.</summary>
    public sealed record Revocation(DateTimeOffset At, string By);

    /// <summary>Like <see cref="CheckAsync"/>, and refuses a decision link that staff revoked.</summary>
    public async Task<(LinkToken? Link, IResult? Refused)> CheckDecisionAsync(string token, string purpose, Lang lang, CancellationToken ct)
    {
        var (link, refused) = await CheckAsync(token, purpose, lang, ct);
        if (refused is not null) return (null, refused);
        var revoked = await store.GetMarkerAsync<Revocation>(link!.SubmissionId, RevocationKey, ct);
        if (revoked is not null && (link.IssuedAt is null || link.IssuedAt <= revoked.At))
            return (null, PageResult.Message(lang, 410, lang.T("Tautan sudah dicabut", "This link was revoked"),
                lang.T("Staf Humas mencabut tautan ini. Bila masih diperlukan, Anda akan menerima tautan baru.",
                    "Humas staff revoked this link. If you are still needed, you will receive a new one."), unit));
        return (link, null);
    }

    public async Task<(LinkToken? Link, IResult? Refused)> CheckAsync(string token, string purpose, Lang lang, CancellationToken ct)
    {
        var (result, link) = await book.ReadAsync(token, clock.GetUtcNow(), ct);
        if (result == LinkCheck.Expired)
            return (null, PageResult.Message(lang, 410, lang.T("Tautan sudah kedaluwarsa", "This link has expired"),
                lang.T("Batas waktu tautan ini sudah lewat.", "This link's deadline has passed."), unit));
        if (result == LinkCheck.KeyRetired)
            return (null, await KeyRetiredAsync(lang, ct));
        if (result != LinkCheck.Valid || link!.Purpose != purpose || (purpose != "track" && link.Stage is null))
            return (null, PageResult.Message(lang, 403, lang.T("Tautan tidak sah", "This link is not valid"),
                lang.T("Tautan ini rusak atau diubah.", "The link is damaged or was altered."), unit));
        return (link, null);
    }

    /// <summary>The key the link was made with has been removed: nothing here can tell whose it was, so the team is named.</summary>
    private async Task<IResult> KeyRetiredAsync(Lang lang, CancellationToken ct)
    {
        var team = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        var ask = team is null
            ? lang.T("Mintalah tautan baru kepada tim Humas.", "Ask the Humas team for a new link.")
            : lang.T($"Mintalah tautan baru kepada {team.Name} ({team.Email}).", $"Ask {team.Name} ({team.Email}) for a new link.");
        return PageResult.Message(lang, 403, lang.T("Tautan ini tidak berlaku lagi", "This link is no longer valid"),
            lang.T("Kunci yang menandatangani tautan ini sudah diganti. ", "The key that signed this link has been replaced. ") + ask, unit);
    }
}
