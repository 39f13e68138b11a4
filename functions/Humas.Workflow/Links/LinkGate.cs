using Humas.Workflow.Vocabulary;
using Humas.Workflow.Pages;
using Humas.Workflow.Storage;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Links;

/// <summary>Checks a link from an email and answers people with a page when it cannot be used.</summary>
public sealed class LinkGate(LinkSigner signer, TimeProvider clock, SubmissionStore store, Profiles.UnitProfile unit)
{
    public const string RevocationKey = "links-revoked";

    /// <summary>Staff revoked every decision link made before this moment.</summary>
    public sealed record Revocation(DateTimeOffset At, string By);

    /// <summary>Like <see cref="Check"/>, and refuses a decision link that staff revoked.</summary>
    public async Task<(LinkToken? Link, IResult? Refused)> CheckDecisionAsync(string token, string purpose, Lang lang, CancellationToken ct)
    {
        var (link, refused) = Check(token, purpose, lang);
        if (refused is not null) return (null, refused);
        var revoked = await store.GetMarkerAsync<Revocation>(link!.SubmissionId, RevocationKey, ct);
        if (revoked is not null && (link.IssuedAt is null || link.IssuedAt <= revoked.At))
            return (null, PageResult.Message(lang, 410, lang.T("Tautan sudah dicabut", "This link was revoked"),
                lang.T("Staf Humas mencabut tautan ini. Bila masih diperlukan, Anda akan menerima tautan baru.",
                    "Humas staff revoked this link. If you are still needed, you will receive a new one."), unit));
        return (link, null);
    }

    public (LinkToken? Link, IResult? Refused) Check(string token, string purpose, Lang lang)
    {
        var result = signer.Verify(token, clock.GetUtcNow(), out var link);
        if (result == LinkCheck.Expired)
            return (null, PageResult.Message(lang, 410, lang.T("Tautan sudah kedaluwarsa", "This link has expired"),
                lang.T("Batas waktu tautan ini sudah lewat.", "This link's deadline has passed."), unit));
        if (result != LinkCheck.Valid || link!.Purpose != purpose || (purpose != "track" && link.Stage is null))
            return (null, PageResult.Message(lang, 403, lang.T("Tautan tidak sah", "This link is not valid"),
                lang.T("Tautan ini rusak atau diubah.", "The link is damaged or was altered."), unit));
        return (link, null);
    }
}
