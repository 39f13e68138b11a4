using Humas.Workflow.Vocabulary;
using System.Globalization;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Tracking;

/// <summary>
/// What people may do to a running submission besides deciding: the submitter withdraws from the tracking
/// page; staff revoke outstanding links, or publish a scheduled item now or at another time.
/// </summary>
public sealed class StaffActions(LinkGate gate, SubmissionStore store, Decisions.EventClaims claims, Profiles.UnitProfile unit, TimeProvider clock)
{
    public const string WithdrawalKey = "withdrawal";

    /// <summary>POST /track/{token} with <c>action=withdraw</c>: allowed while nothing has been published.</summary>
    public async Task<IResult> WithdrawAsync(HttpContext http, DurableTaskClient client, string token)
    {
        var lang = Language.Of(http.Request);
        var ct = http.RequestAborted;
        var (link, refused) = await gate.CheckAsync(token, "track", lang, http.RequestAborted);
        if (refused is not null) return refused;
        var (form, unreadable) = await Forms.ReadAsync(http.Request, ct);
        if (unreadable is not null) return unreadable;
        if (form?["action"].ToString() != "withdraw")
            return Problems.Field(400, "action", "Tindakan yang dikenal: withdraw / the known action is: withdraw");
        var reason = form["reason"].ToString().Trim();
        if (reason.Length > 2000) return Problems.Field(400, "reason", "Paling banyak 2000 karakter / at most 2000 characters");
        if (TextRules.Check(reason, multiline: true) is { } badReason) return Problems.Field(400, "reason", badReason);

        var s = await store.GetAsync(link!.SubmissionId, ct);
        if (s is null) return Decisions.DecisionHandler.NotFound(unit, lang);
        if (!s.Status.CanBeWithdrawn())
            return PageResult.Of<StatusMessage>(new Dictionary<string, object?>
            {
                [nameof(StatusMessage.Lang)] = lang,
                [nameof(StatusMessage.Title)] = lang.T("Pengajuan tidak dapat ditarik lagi", "The submission can no longer be withdrawn"),
                [nameof(StatusMessage.Label)] = lang.T("Status sekarang", "Status now"),
                [nameof(StatusMessage.Status)] = s.Status,
                [nameof(StatusMessage.Unit)] = unit,
            }, 409);
        var by = s.Content.SubmitterName ?? s.Content.SubmitterEmail;
        var withdrawal = new WithdrawalRequested(by, reason.Length == 0 ? null : reason, clock.GetUtcNow());
        var claimed = await claims.ClaimAndRaiseAsync(client, s.Id, WithdrawalKey, withdrawal, WorkflowEvents.Withdraw, withdrawal, ct);
        if (claimed.Failed) return Problems.Status(503, "Penarikan belum tercatat / the withdrawal was not recorded", "Please try again.");
        return PageResult.Of<WithdrawalReceived>(new Dictionary<string, object?>
        {
            [nameof(WithdrawalReceived.Lang)] = lang,
            [nameof(WithdrawalReceived.TrackingPath)] = http.Request.Path.ToString(),
            [nameof(WithdrawalReceived.Unit)] = unit,
        }, 202);
    }

    /// <summary>POST /api/submissions/{id}/revoke-links: every decision link made until now stops working.</summary>
    public async Task<IResult> RevokeLinksAsync(HttpContext http, string id)
    {
        var s = await store.GetAsync(id, http.RequestAborted);
        if (s is null) return Problems.Status(404, "Pengajuan tidak ditemukan / submission not found");
        var revocation = new LinkGate.Revocation(clock.GetUtcNow(), "staff");
        await store.SetMarkerAsync(id, LinkGate.RevocationKey, revocation, http.RequestAborted);
        return Results.Json(new { id, revokedAt = revocation.At }, SubmissionJson.Options);
    }

    /// <summary>POST /api/submissions/{id}/schedule with <c>publishAt</c> (ISO 8601 with offset) or <c>now</c>.</summary>
    public async Task<IResult> RescheduleAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var (form, unreadable) = await Forms.ReadAsync(http.Request, ct);
        if (unreadable is not null) return unreadable;
        var value = form?["publishAt"].ToString().Trim() ?? http.Request.Query["publishAt"].ToString().Trim();
        DateTimeOffset? publishAt = null;
        if (!string.Equals(value, "now", StringComparison.OrdinalIgnoreCase))
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed <= clock.GetUtcNow()
                || parsed > clock.GetUtcNow() + SubmissionValidator.PublishHorizon)
                return Problems.Field(400, "publishAt", "Waktu terbit ISO 8601 di masa depan, atau 'now' / an ISO 8601 time in the future, or 'now'");
            publishAt = parsed.ToUniversalTime();
        }
        var s = await store.GetAsync(id, ct);
        if (s is null) return Problems.Status(404, "Pengajuan tidak ditemukan / submission not found");
        if (s.Status != SubmissionStatus.Scheduled)
            return Problems.Status(409, "Hanya pengajuan terjadwal yang dapat dijadwalkan ulang / only a scheduled submission can be rescheduled", $"Status: {s.Status}");
        await client.RaiseEventAsync(id, WorkflowEvents.ScheduleChanged, new ScheduleChanged(publishAt, "staff", clock.GetUtcNow()), CancellationToken.None);
        return Results.Json(new { id, publishAt }, SubmissionJson.Options, statusCode: 202);
    }
}
