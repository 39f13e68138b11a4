using Humas.Workflow.Recovery;
using Humas.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Health;

/// <summary>
/// GET /api/health: can we reach storage and the engine's client, and has any workflow stopped? A stopped workflow
/// makes the system unhealthy until staff restart or close it: work nobody will finish is a fault.
/// </summary>
public sealed class HealthHandler(HumasStorage storage, WorkflowFailures failures)
{
    public async Task<IResult> CheckAsync(HttpContext http, DurableTaskClient client)
    {
        static string Probe(Task t) => t.IsCompletedSuccessfully ? "ok" : t.Exception?.InnerException?.Message ?? "timeout";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        Task storageCheck = storage.Table(HumasStorage.SubmissionsTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token);
        Task engineCheck = client.GetInstanceAsync("health-probe", timeout.Token);
        var stoppedCheck = failures.FindAsync(client, withErrors: false, timeout.Token);
        try { await Task.WhenAll(storageCheck, engineCheck, stoppedCheck); } catch { /* reported per part below */ }
        var report = new { storage = Probe(storageCheck), engine = Probe(engineCheck) };
        int? failed = stoppedCheck.IsCompletedSuccessfully ? stoppedCheck.Result.Count : null;
        var reachable = report.storage == "ok" && report.engine == "ok";
        var ok = reachable && failed == 0;
        var status = ok ? "ok" : reachable && failed > 0 ? "failing" : "degraded";
        // Only the count: the route is public, and staff find the submissions in the Humas team's mail or the staff list.
        return Results.Json(new { status, report.storage, report.engine, failedWorkflows = failed }, statusCode: ok ? 200 : 503);
    }
}
