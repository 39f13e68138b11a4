using Humas.Workflow.Http;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Takedown;

/// <summary>
/// Starts takedowns: POST /api/submissions/{id}/takedown (staff, with a reason), and the register's withdrawal of a
/// consent. The start is the promise: it is made under the submission's one takedown instance id, so asking again
/// starts nothing new and a kill after the answer loses nothing.
/// </summary>
public sealed class Takedowns(SubmissionStore store, ILogger<Takedowns> logger)
{
    public const string ReasonField = "reason";
    public const int ReasonMax = 2000;
    public const string StaffBy = "Tim Humas";

    public async Task<IResult> TakeDownAsync(HttpContext http, DurableTaskClient client, string id)
    {
        var ct = http.RequestAborted;
        var (reason, refused) = await ReasonAsync(http, required: true);
        if (refused is not null) return refused;
        var s = await store.GetAsync(id, ct);
        if (s is null) return Problems.Field(404, "id", "Pengajuan tidak ditemukan / submission not found");
        if (s.Status is not (SubmissionStatus.Published or SubmissionStatus.TakenDown))
            return Problems.Status(409, "Hanya pengajuan yang sudah terbit dapat diturunkan / only a published submission can be taken down", $"Status: {s.Status}");
        var instanceId = await StartAsync(client, id, reason!, StaffBy, ct);
        var statusUrl = $"/api/submissions/{id}";
        return new WithLocation(Results.Json(new { id, instanceId, statusUrl }, SubmissionJson.Options, statusCode: 202), statusUrl);
    }

    /// <summary>Starts the submission's takedown unless it has one already; answers its instance id.</summary>
    public async Task<string> StartAsync(DurableTaskClient client, string submissionId, string reason, string by, CancellationToken ct)
    {
        var instanceId = TakedownWorkflow.InstanceId(submissionId);
        if (await client.GetInstanceAsync(instanceId, ct) is not null) return instanceId;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(TakedownWorkflow), new TakedownRequest(submissionId, reason, by),
                new StartOrchestrationOptions(instanceId), ct);
            logger.LogInformation("Takedown of {Id} started", submissionId);
        }
        catch (Exception)
        {
            // Another request may have started it between the look and the start; anything else is a real fault.
            if (await client.GetInstanceAsync(instanceId, ct) is null) throw;
        }
        return instanceId;
    }

    /// <summary>The <c>reason</c> of a form or JSON post: one line or several, at most <see cref="ReasonMax"/> characters.</summary>
    public static async Task<(string? Reason, IResult? Refused)> ReasonAsync(HttpContext http, bool required)
    {
        string? reason;
        if ((http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var (document, refused) = await JsonBody.ReadAsync(http, 16 * 1024);
            if (refused is not null) return (null, refused);
            using (document)
            {
                if (document!.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                    return (null, Problems.Field(400, "body", "Harus objek JSON / must be a JSON object"));
                if (!document.RootElement.TryGetProperty(ReasonField, out var v) || v.ValueKind == System.Text.Json.JsonValueKind.Null) reason = null;
                else if (v.ValueKind != System.Text.Json.JsonValueKind.String) return (null, Problems.Field(400, ReasonField, "Harus teks / must be a string"));
                else
                {
                    try { reason = v.GetString(); }
                    catch (InvalidOperationException) { return (null, Problems.Field(400, ReasonField, "Teks tidak sah / not valid text")); }
                }
            }
        }
        else
        {
            var (form, unreadable) = await Forms.ReadAsync(http.Request, http.RequestAborted);
            if (unreadable is not null) return (null, unreadable);
            reason = form?[ReasonField].ToString();
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return required ? (null, Problems.Field(400, ReasonField, "Alasan wajib diisi / a reason is required")) : (null, null);
        if (reason.Length > ReasonMax) return (null, Problems.Field(400, ReasonField, $"Paling banyak {ReasonMax} karakter / at most {ReasonMax} characters"));
        if (reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return (null, Problems.Field(400, ReasonField, "Tanpa karakter kendali / no control characters"));
        return (reason, null);
    }
}
