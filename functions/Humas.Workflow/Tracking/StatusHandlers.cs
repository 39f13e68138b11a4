using Humas.Workflow.Vocabulary;
using Humas.Workflow.Decisions;
using Humas.Workflow.Http;
using Humas.Workflow.Links;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Tracking;

/// <summary>GET /track/{token} for the submitter and GET /api/submissions/{id} for staff.</summary>
public sealed class StatusHandlers(LinkGate gate, SubmissionStore store, MediaStore media, UnitProfile unit, TimeProvider clock, Holidays.UnitCalendar calendar)
{
    public async Task<IResult> TrackAsync(HttpContext http, string token)
    {
        var lang = Language.Of(http.Request);
        var (link, refused) = await gate.CheckAsync(token, "track", lang, http.RequestAborted);
        if (refused is not null) return refused;
        var ct = http.RequestAborted;
        var s = await store.GetAsync(link!.SubmissionId, ct);
        if (s is null) return DecisionHandler.NotFound(unit, lang);
        var history = await store.GetHistoryAsync(s.Id, ct);
        var publications = await store.GetMarkersAsync<PublicationRecord>(s.Id, "publication-", ct);
        if (http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
            return Results.Json(new
            {
                id = s.Id, status = s.Status.ToString(), title = s.Content.Title, waitingFor = s.WaitingFor, deadline = s.Deadline,
                history, publications,
            }, SubmissionJson.Options);

        return PageResult.Of<TrackingPage>(new Dictionary<string, object?>
        {
            [nameof(TrackingPage.Unit)] = unit,
            [nameof(TrackingPage.Submission)] = s,
            [nameof(TrackingPage.History)] = history,
            [nameof(TrackingPage.Publications)] = publications,
            [nameof(TrackingPage.Now)] = clock.GetUtcNow(),
            [nameof(TrackingPage.Calendar)] = await calendar.CurrentAsync(ct),
            [nameof(TrackingPage.Lang)] = lang,
        });
    }

    public async Task<IResult> GetAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var s = await store.GetAsync(id, ct);
        if (s is null) return Problems.Status(404, "Pengajuan tidak ditemukan / submission not found");
        var mediaLinks = new List<object>();
        foreach (var m in s.Media)
            mediaLinks.Add(new { m.Name, m.ContentType, m.Size, m.Alt, m.Caption, m.Minors, m.Transcript, captions = m.CaptionsFormat, readUrl = await media.ReadLinkAsync(m.BlobName, TimeSpan.FromMinutes(15), ct) });
        // The consent document only ever leaves storage through a link like these, to staff and the deciders.
        object? consent = s.Consent is not { } c ? null : new
        {
            registerId = c.RegisterId,
            document = c.Document is not { } d ? null : new
            {
                d.Name, d.ContentType, d.Size, readUrl = await media.ReadLinkAsync(d.BlobName, TimeSpan.FromMinutes(15), ct),
            },
        };
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, ct);
        return Results.Json(new
        {
            s.Id, status = s.Status.ToString(), s.Content, media = mediaLinks, s.CreatedAt, s.UpdatedAt,
            waitingStage = s.WaitingStage?.ToString(), s.Round, s.WaitingFor, s.Deadline,
            history = await store.GetHistoryAsync(id, ct),
            publications = await store.GetMarkersAsync<PublicationRecord>(id, "publication-", ct),
            takedowns = await store.GetMarkersAsync<Takedown.TakedownRecord>(id, Publication.WebsiteFeed.TakedownKey(""), ct),
            workflowVersion = s.WorkflowVersion,
            consent, gated = s.Gated,
            failedFrom = s.FailedFrom?.ToString(),
            workflow = instance is null ? null : new
            {
                runtimeStatus = instance.RuntimeStatus.ToString(), instance.LastUpdatedAt,
                failure = instance.FailureDetails is { } f ? new { f.ErrorType, f.ErrorMessage } : null,
            },
            s.ReminderDueAt, s.EscalationDueAt,
        }, SubmissionJson.Options);
    }
}
