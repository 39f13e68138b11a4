using System.Security.Cryptography;
using Humas.Workflow.Http;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Takedown;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Consents;

/// <summary>
/// The consent register's staff routes: POST /api/consents registers one (JSON, or multipart with the signed document),
/// GET /api/consents lists them with their state today, POST /api/consents/{id}/withdraw withdraws one and takes down
/// every published submission that rests on it.
/// </summary>
public sealed class ConsentHandlers(
    ConsentRegister register, ConsentForm form, MediaStore media, SubmissionStore store, Takedowns takedowns, TimeProvider clock,
    ILogger<ConsentHandlers> logger)
{
    public static readonly TimeSpan DocumentLinkLifetime = TimeSpan.FromMinutes(15);
    private const int TextMax = 200;

    public async Task<IResult> RegisterAsync(HttpContext http)
    {
        var now = clock.GetUtcNow();
        var id = $"c-{now.ToUniversalTime():yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant()}";
        var (fields, document, refused) = await form.ReadAsync(http, id);
        if (refused is not null) return refused;

        var errors = new Dictionary<string, string[]>();
        string? Text(string name)
        {
            var text = fields.GetValueOrDefault(name)?.Trim();
            if (string.IsNullOrEmpty(text)) errors[name] = ["Wajib diisi / required"];
            else if (text.Length > TextMax) errors[name] = [$"Paling banyak {TextMax} karakter / at most {TextMax} characters"];
            else if (text.Any(char.IsControl)) errors[name] = ["Tanpa karakter kendali / no control characters"];
            else return text;
            return null;
        }
        var person = Text("person");
        var guardian = Text("guardian");
        var schoolOrEvent = Text("schoolOrEvent");
        var signedOn = ConsentForm.Date(fields.GetValueOrDefault("signedOn"), out var signedProblem);
        if (signedProblem is not null) errors["signedOn"] = [signedProblem];
        else if (signedOn > register.Today()) errors["signedOn"] = ["Tidak boleh di masa depan / must not be in the future"];
        var validUntil = ConsentForm.Date(fields.GetValueOrDefault("validUntil"), out var untilProblem);
        if (untilProblem is not null) errors["validUntil"] = [untilProblem];
        else if (signedOn is not null && validUntil < signedOn) errors["validUntil"] = ["Tidak sebelum tanggal tanda tangan / not before signedOn"];
        if (errors.Count > 0)
        {
            if (document is not null) await media.DeleteAsync(document.BlobName, CancellationToken.None);
            return Problems.Validation(errors);
        }

        var consent = new RegisteredConsent(id, person!, guardian!, schoolOrEvent!, signedOn!.Value, validUntil!.Value, document, now);
        await register.AddAsync(consent, http.RequestAborted);
        logger.LogInformation("Consent {Id} registered", id);
        return new WithLocation(Results.Json(await ViewAsync(consent, http.RequestAborted), SubmissionJson.Options, statusCode: 201), $"/api/consents/{id}");
    }

    public async Task<IResult> ListAsync(HttpContext http)
    {
        var items = new List<object>();
        foreach (var c in await register.ListAsync(http.RequestAborted)) items.Add(await ViewAsync(c, http.RequestAborted));
        return Results.Json(new { items }, SubmissionJson.Options);
    }

    public async Task<IResult> WithdrawAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var (reason, refused) = await Takedowns.ReasonAsync(http, required: false);
        if (refused is not null) return refused;
        var consent = await register.GetAsync(id, ct);
        if (consent is null) return Problems.Field(404, "id", "Persetujuan tidak ditemukan / consent not found");
        var withdrawn = await register.WithdrawAsync(consent, clock.GetUtcNow(), reason ?? "Persetujuan ditarik / consent withdrawn", ct);

        // Asked again after a fault, the same withdrawal starts whatever takedown did not start the first time.
        var takenDown = new List<string>();
        foreach (var use in await register.UsesAsync(id, ct))
        {
            var s = await store.GetAsync(use.SubmissionId, ct);
            if (s?.Consent?.RegisterId != id || s.Status is not (SubmissionStatus.Published or SubmissionStatus.TakenDown)) continue;
            var why = $"Persetujuan {id} ditarik / consent {id} withdrawn" + (withdrawn.WithdrawalReason is { } r ? $": {r}" : "");
            await takedowns.StartAsync(client, s.Id, why, ConsentRegister.WithdrawnBy, ct);
            takenDown.Add(s.Id);
        }
        logger.LogInformation("Consent {Id} withdrawn; {Count} submissions taken down", id, takenDown.Count);
        return Results.Json(new { consent = await ViewAsync(withdrawn, ct), takenDown }, SubmissionJson.Options, statusCode: 202);
    }

    private async Task<object> ViewAsync(RegisteredConsent c, CancellationToken ct) => new
    {
        c.Id, c.Person, c.Guardian, c.SchoolOrEvent, c.SignedOn, c.ValidUntil, c.RegisteredAt, c.WithdrawnOn, c.WithdrawalReason,
        state = c.StateOn(register.Today()).ToString(),
        // The document leaves storage only through a link like this, to staff.
        document = c.Document is not { } d ? null : new
        {
            d.Name, d.ContentType, d.Size, readUrl = await media.ReadLinkAsync(d.BlobName, DocumentLinkLifetime, ct),
        },
    };
}
