using Humas.Workflow.Http;
using Humas.Workflow.Recovery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Humas.Functions;

/// <summary>Stopped workflows: the timer that notices them, and staff's restart and close.</summary>
public sealed class RecoveryTriggers(WorkflowFailures failures, RecoveryHandlers recovery)
{
    [Function("NoticeStoppedWorkflows")]
    public Task NoticeStoppedWorkflows([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        failures.NoticeAllAsync(client, ct);

    [Function("RestartWorkflow")]
    public Task<IActionResult> RestartWorkflow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.RestartWorkflow)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) => recovery.RestartAsync(req.HttpContext, client, id).AsAction();

    [Function("CloseWorkflow")]
    public Task<IActionResult> CloseWorkflow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.CloseWorkflow)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) => recovery.CloseAsync(req.HttpContext, client, id).AsAction();
}
