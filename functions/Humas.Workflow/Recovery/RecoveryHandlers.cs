using System.Text.Json;
using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Recovery;

/// <summary>
/// Staff's answers to a stopped workflow: POST /api/submissions/{id}/restart goes on from the last good state (the
/// stage the submission was waiting in, or its publication); POST /api/submissions/{id}/close ends it with a reason.
/// </summary>
public sealed class RecoveryHandlers(
    SubmissionStore store, WorkflowFailures failures, Mailer mailer, MailRenderer mails, Links.Links links, UnitProfile unit,
    IOptions<HumasOptions> options, TimeProvider clock, ILogger<RecoveryHandlers> logger)
{
    public const int ReasonMax = 2000;

    public async Task<IResult> RestartAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var (s, refused) = await StoppedSubmissionAsync(client, id, ct);
        if (refused is not null) return refused;
        var before = s!.ResumesAs();
        if (ResumePointOf(before) is not { } at)
            return Problems.Status(409, "Tidak ada tahap untuk dilanjutkan / there is no stage to go on from", $"Status: {before}");

        Submission restarted;
        int step;
        try
        {
            (restarted, step) = await store.ApplyNextAsync(s.Id, x => x.Restart(clock.GetUtcNow(), WorkflowVersions.Current), ct);
        }
        catch (TransitionRefused e)
        {
            // Closed by another request since it was read.
            return Problems.Status(409, "Alur kerja tidak dapat dilanjutkan / the workflow cannot be restarted", e.Message);
        }
        var resume = new WorkflowResume(at, Math.Max(1, s.Round), step);
        // Decisions claimed for the stage that is asked again never took effect: the stopped instance dropped them.
        if (StageOf(at) is { } stage)
        {
            await store.RemoveMarkersAsync(s.Id, DecisionClaim.Key(stage, resume.Round), ct);
            // The stage is asked again from its route: seats handed on before the stop are the route's again.
            await store.RemoveMarkersAsync(s.Id, $"handover-{stage}-{resume.Round}", ct);
        }
        // The stopped instance is replaced by a new execution under the same id, on this release's version.
        await client.ScheduleNewOrchestrationInstanceAsync(WorkflowStart.Orchestrator,
            WorkflowStart.Input(restarted, options.Value.Workflow, resume), WorkflowStart.Options(s.Id), CancellationToken.None);
        logger.LogInformation("Workflow of {Id} restarted at {Point}, round {Round}", s.Id, at, resume.Round);
        return Results.Json(new { id = s.Id, status = before.ToString(), resumeAt = at.ToString(), round = resume.Round },
            SubmissionJson.Options, statusCode: 202);
    }

    public async Task<IResult> CloseAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var (reason, unreadable) = await ReasonAsync(http);
        if (unreadable is not null) return unreadable;
        var (s, refused) = await StoppedSubmissionAsync(client, id, ct);
        if (refused is not null) return refused;

        Submission closed;
        int step;
        try
        {
            (closed, step) = await store.ApplyNextAsync(s!.Id, x => x.Close(clock.GetUtcNow(), reason!), ct);
        }
        catch (TransitionRefused e)
        {
            return Problems.Status(409, "Pengajuan sudah ditutup / the submission is already closed", e.Message);
        }
        // The same outcome mail as the workflow's own endings send.
        var transition = new Transition(s.Id, step, closed.UpdatedAt, closed.Status, nameof(HistoryEvent.Closed), Actor: Submission.ClosedBy, Comment: reason);
        await mailer.SendOnceAsync(s.Id, $"step{step}", await WorkflowMails.OutcomeAsync(mails, unit, closed, transition, await links.TrackAsync(closed, ct)), ct);
        return Results.Json(new { id = s.Id, status = closed.Status.ToString(), reason }, SubmissionJson.Options);
    }

    /// <summary>Where a restart goes on from, by the status the submission had when its workflow stopped.</summary>
    public static ResumePoint? ResumePointOf(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted or SubmissionStatus.InReview => ResumePoint.Review,
        SubmissionStatus.AwaitingApproval => ResumePoint.Approval,
        SubmissionStatus.RevisionRequested => ResumePoint.Revision,
        SubmissionStatus.Approved or SubmissionStatus.Scheduled => ResumePoint.PublishTime,
        SubmissionStatus.Publishing => ResumePoint.Publication,
        _ => null,
    };

    private static Stage? StageOf(ResumePoint at) => at switch
    {
        ResumePoint.Review => Stage.Review,
        ResumePoint.Approval => Stage.Approval,
        ResumePoint.Revision => Stage.Revision,
        _ => null,
    };

    /// <summary>The submission, when its workflow has stopped and staff have not closed it; otherwise the answer why not.</summary>
    private async Task<(Submission? Submission, IResult? Refused)> StoppedSubmissionAsync(DurableTaskClient client, string id, CancellationToken ct)
    {
        var s = await store.GetAsync(id, ct);
        if (s is null) return (null, Problems.Status(404, "Pengajuan tidak ditemukan / submission not found"));
        if (s.Status == SubmissionStatus.Closed)
            return (null, Problems.Status(409, "Pengajuan sudah ditutup / the submission is already closed"));
        var instance = await client.GetInstanceAsync(id, ct);
        if (!WorkflowFailures.IsStopped(instance))
            return (null, Problems.Status(409, "Alur kerja tidak terhenti / the workflow has not stopped",
                $"Status: {s.Status}; workflow: {instance?.RuntimeStatus.ToString() ?? "none"}"));
        // The watcher may not have come round yet: the record says so before anything else is done to it.
        if (s.Status != SubmissionStatus.WorkflowFailed && await failures.NoticeIfStoppedAsync(client, id, ct))
            s = await store.GetAsync(id, ct) ?? s;
        return (s, null);
    }

    private static async Task<(string? Reason, IResult? Refused)> ReasonAsync(HttpContext http)
    {
        string? reason;
        if ((http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var (document, refused) = await JsonBody.ReadAsync(http, 16 * 1024);
            if (refused is not null) return (null, refused);
            using (document)
                reason = document!.RootElement.ValueKind == JsonValueKind.Object
                         && document.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
                    ? r.GetString() : null;
        }
        else
        {
            var (form, unreadable) = await Forms.ReadAsync(http.Request, http.RequestAborted);
            if (unreadable is not null) return (null, unreadable);
            reason = form?["reason"].ToString();
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return (null, Problems.Field(400, "reason", "Alasan wajib diisi / a reason is required"));
        if (reason.Length > ReasonMax) return (null, Problems.Field(400, "reason", $"Paling banyak {ReasonMax} karakter / at most {ReasonMax} characters"));
        if (TextRules.Check(reason, multiline: true) is { } bad) return (null, Problems.Field(400, "reason", bad));
        return (reason, null);
    }
}
