using Humas.Workflow.Submissions;

namespace Humas.Workflow.Consents;

/// <summary>
/// One guardian's consent in the unit's register: the person shown, their guardian, the school or event, when it was
/// signed and until when it holds, and the signed document (kept private; it leaves storage only through short-lived
/// links). <see cref="Person"/> and <see cref="Guardian"/> are personal data: the register's id stands for them in
/// addresses, logs and submissions.
/// </summary>
public sealed record RegisteredConsent(
    string Id, string Person, string Guardian, string SchoolOrEvent, DateOnly SignedOn, DateOnly ValidUntil, MediaItem? Document,
    DateTimeOffset RegisteredAt, DateTimeOffset? WithdrawnOn = null, string? WithdrawalReason = null)
{
    public ConsentState StateOn(DateOnly day) =>
        WithdrawnOn is not null ? ConsentState.Withdrawn : day > ValidUntil ? ConsentState.Expired : ConsentState.Valid;

    /// <summary>Why a submission may not rest on this consent on <paramref name="day"/>, or null when it may.</summary>
    public string? ProblemOn(DateOnly day) => StateOn(day) switch
    {
        ConsentState.Withdrawn => "Persetujuan ini sudah ditarik / this consent has been withdrawn",
        ConsentState.Expired => $"Persetujuan ini berlaku sampai {ValidUntil:yyyy-MM-dd} / this consent was valid until {ValidUntil:yyyy-MM-dd}",
        _ => null,
    };
}
