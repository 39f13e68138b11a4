using Humas.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Http;

/// <summary>GET /api/health: can we reach storage and the engine's client?</summary>
public sealed class HealthHandler(HumasStorage storage)
{
    public async Task<IResult> CheckAsync(HttpContext http, DurableTaskClient client)
    {
        static string Probe(Task t) => t.IsCompletedSuccessfully ? "ok" : t.Exception?.InnerException?.Message ?? "timeout";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        Task storageCheck = storage.Table(HumasStorage.SubmissionsTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token);
        Task engineCheck = client.GetInstanceAsync("health-probe", timeout.Token);
        try { await Task.WhenAll(storageCheck, engineCheck); } catch { /* reported per part below */ }
        var report = new { storage = Probe(storageCheck), engine = Probe(engineCheck) };
        var ok = report.storage == "ok" && report.engine == "ok";
        return Results.Json(new { status = ok ? "ok" : "degraded", report.storage, report.engine }, statusCode: ok ? 200 : 503);
    }
}
