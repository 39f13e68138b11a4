using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Intake;

/// <summary>
/// POST /api/submissions: reads the post (<see cref="SubmissionBodyReader"/>), validates it, writes the record and its
/// first history row, and starts the workflow under the submission's id; a retry with the same
/// <see cref="IdempotencyStore.Header"/> is answered with the first submission. A refused request leaves nothing behind.
/// </summary>
public sealed class IntakeHandler(
    UnitProfile unit, IOptions<HumasOptions> options, SubmissionBodyReader reader, IdempotencyStore idempotency, SubmissionStore store,
    MediaStore media, UploadAttachments attachments, FormPage form, Links.Links links, TimeProvider clock, ILogger<IntakeHandler> logger,
    Consents.ConsentRegister consents)
{
    public async Task<IResult> SubmitAsync(HttpContext http, DurableTaskClient client)
    {
        var request = http.Request;
        var ct = http.RequestAborted;
        var id = SubmissionIds.New(clock.GetUtcNow());
        var key = request.Headers[IdempotencyStore.Header].ToString();
        if (key.Length > IdempotencyStore.MaxKeyLength)
            return Problems.Field(400, IdempotencyStore.Header, $"Paling banyak {IdempotencyStore.MaxKeyLength} karakter / at most {IdempotencyStore.MaxKeyLength} characters");

        SubmissionDraft draft;
        try
        {
            draft = await reader.ReadAsync(request, id, ct);
        }
        catch (IntakeRefused refused)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, refused.Fields, refused.Status, Errors(refused.Field, refused.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            if (e is BadHttpRequestException { StatusCode: 413 })
                return Refuse(request, null, 413, Errors("media", "Permintaan terlalu besar / the request is too large"));
            return Refuse(request, null, 400, Errors("body", $"Permintaan tidak dapat dibaca / the request could not be read: {e.Message}"));
        }

        var now = clock.GetUtcNow();
        FormPage.TakeWibPublishTime(draft.Fields);
        var content = new SubmissionValidator(unit, options.Value.Intake).Validate(draft.Fields, now, out var errors);
        var fileDetails = MediaDetails.ForFiles(draft.Fields, draft.Media.Count, errors, draft.Captions);
        var files = MediaTextRules.Apply(draft.Media, fileDetails, "media", errors);
        var captionsRequired = content is not null && unit.ChecklistFor(content.ContentType)
            .Any(i => i.Required && i.Automatic == Submission.CaptionsItem);
        if (captionsRequired) MediaTextRules.RequireCaptions(files, "media", errors);
        var uploadDetails = MediaDetails.ForUploads(draft.Fields, errors);
        var consentId = draft.Fields.One(ConsentFields.Id);
        if (consentId is not null && (ConsentFields.IdProblem(consentId) ?? await consents.ProblemAsync(consentId, consents.Today(), ct)) is { } consentProblem)
            errors[ConsentFields.Id] = [consentProblem];
        // Described uploads in the order described, then any named only in `uploads`.
        var uploadIds = uploadDetails.Select(d => d.UploadId!).Concat(draft.Fields.Many("uploads")).Distinct(StringComparer.Ordinal).ToList();
        if (draft.Media.Count + uploadIds.Count > options.Value.Intake.MaxFiles)
            errors["uploads"] = [$"Paling banyak {options.Value.Intake.MaxFiles} berkas / at most {options.Value.Intake.MaxFiles} files"];
        if (content is null || errors.Count > 0)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, draft.Fields, 400, errors);
        }

        IReadOnlyList<CheckedUpload> named;
        try
        {
            named = await attachments.CheckAsync(uploadIds, ct);
        }
        catch (UploadRefused refused)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, draft.Fields, refused.Status, Errors("uploads", refused.Message));
        }
        var described = named.Select(c => (MediaDetail?)uploadDetails.FirstOrDefault(d => d.UploadId == c.Upload.Id)).ToList();
        var checkedUploads = MediaTextRules.Apply(named.Select(c => new MediaItem(c.Upload.FileName, c.ContentType, c.Size, "")).ToList(), described,
            MediaDetails.Field, errors, files.Select((m, i) => (m, i)).Where(x => x.m.IsImage() && x.m.Alt is not null).Select(x => ($"media[{x.i}].alt", x.m.Alt!)));
        if (captionsRequired) MediaTextRules.RequireCaptions(checkedUploads, MediaDetails.Field, errors);
        if (errors.Count > 0)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, draft.Fields, 400, errors);
        }

        if (key.Length > 0 && await idempotency.ClaimAsync(key, id, ct) is { } first)
        {
            await media.DeleteFolderAsync(id, CancellationToken.None);
            await EnsureStartedAsync(client, first, ct);
            return await AcceptedAsync(request, first);
        }

        IReadOnlyList<MediaItem> attached;
        try
        {
            attached = MediaTextRules.Apply(await attachments.AttachAsync(id, draft.Media.Count, named, ct), described, MediaDetails.Field, errors);
        }
        catch (UploadRefused refused)
        {
            await attachments.ReleaseAsync(id, named);
            await media.DeleteFolderAsync(id, CancellationToken.None);
            return Refuse(request, draft.Fields, refused.Status, Errors("uploads", refused.Message));
        }

        await StoreCaptionsAsync([.. files, .. attached], [.. fileDetails, .. described], ct);
        var submission = new Submission
        {
            Id = id, Content = content, Media = [.. files, .. attached], Status = SubmissionStatus.Submitted, CreatedAt = now, UpdatedAt = now,
            WorkflowVersion = WorkflowVersions.Current, Gated = true,
            Consent = consentId is null && draft.ConsentDocument is null ? null : new Consent(consentId, draft.ConsentDocument),
        };
        // Noted before the record, so a withdrawal of the consent never misses a submission that rests on it.
        if (consentId is not null) await consents.AddUseAsync(consentId, id, ct);
        await store.CreateAsync(submission, new HistoryEntry
        {
            Step = 0, At = now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted,
            Actor = content.SubmitterName ?? content.SubmitterEmail,
        }, ct);
        try
        {
            await StartAsync(client, submission, ct);
        }
        catch (Exception e) when (key.Length == 0)
        {
            // Without a key the client cannot retry into this record, so take it back rather than leave an orphan.
            logger.LogError(e, "Could not start the workflow for {Id}", id);
            await store.DeleteAsync(id, CancellationToken.None);
            await media.DeleteFolderAsync(id, CancellationToken.None);
            await attachments.ReleaseAsync(id, named);
            return Problems.Status(503, "Layanan sedang sibuk / the service is busy", "Nothing was stored; please try again.");
        }
        await attachments.DiscardOriginalsAsync(named);
        logger.LogInformation("Accepted submission {Id} ({Type}, {Media} media)", id, content.ContentType, submission.Media.Count);
        return await AcceptedAsync(request, submission);
    }

    /// <summary>The caption files, checked with the rest, beside their media under the names the items carry.</summary>
    private async Task StoreCaptionsAsync(IReadOnlyList<MediaItem> items, IReadOnlyList<MediaDetail?> details, CancellationToken ct)
    {
        for (var i = 0; i < items.Count && i < details.Count; i++)
            if (items[i].Captions is { } blob && details[i]?.Captions is { } upload)
            {
                using var bytes = new MemoryStream(upload.Bytes);
                await media.UploadAsync(blob, bytes, items[i].CaptionsFormat == CaptionFiles.Vtt ? "text/vtt" : "application/x-subrip", ct);
            }
    }

    private static Dictionary<string, string[]> Errors(string field, string reason) => new() { [field] = [reason] };

    /// <summary>A browser's form post gets its form back with the messages beside the fields; anything else problem+json.</summary>
    private IResult Refuse(HttpRequest request, SubmissionFields? fields, int status, IDictionary<string, string[]> errors) =>
        Problems.WantsHtml(request) && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? form.Render(request, fields, errors, status)
            : Problems.Validation(errors, status);

    private async Task<IResult> AcceptedAsync(HttpRequest request, Submission s)
    {
        var tracking = await links.TrackAsync(s, request.HttpContext.RequestAborted);
        if (Problems.WantsHtml(request) && !request.Headers.Accept.ToString().Contains("application/json"))
            return new SeeOther(tracking);
        return new WithLocation(Results.Json(new { id = s.Id, status = s.Status.ToString(), trackingUrl = tracking },
            SubmissionJson.Options, statusCode: 202), tracking);
    }

    /// <summary>
    /// Starts the workflow of a submission this request has just stored. Its id is new, so the engine is not asked
    /// first (it reads the instance itself while creating it); only a start that fails asks, since a retry under the
    /// same key may have started it in between.
    /// </summary>
    private async Task StartAsync(DurableTaskClient client, Submission s, CancellationToken ct)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(WorkflowStart.Orchestrator,
                WorkflowStart.Input(s, options.Value.Workflow), WorkflowStart.Options(s.Id), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(s.Id, CancellationToken.None) is null) throw;
        }
    }

    /// <summary>Starts the workflow unless it already exists; a retried request heals a start that never happened.</summary>
    private async Task EnsureStartedAsync(DurableTaskClient client, Submission s, CancellationToken ct)
    {
        if (await client.GetInstanceAsync(s.Id, ct) is not null) return;
        await StartAsync(client, s, ct);
    }
}
