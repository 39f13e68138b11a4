using Humas.Workflow.Consents;
using Humas.Workflow.Http;
using Humas.Workflow.Takedown;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Humas.Functions;

/// <summary>The consent register's and the takedown's staff routes: bind, call the handler, return.</summary>
public sealed class ConsentTriggers(ConsentHandlers consents, Takedowns takedowns)
{
    [Function("ListConsents")]
    public Task<IActionResult> ListConsents(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Consents)] HttpRequest req) =>
        consents.ListAsync(req.HttpContext).AsAction();

    [Function("RegisterConsent")]
    public Task<IActionResult> RegisterConsent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Consents)] HttpRequest req) =>
        consents.RegisterAsync(req.HttpContext).AsAction();

    [Function("WithdrawConsent")]
    public Task<IActionResult> WithdrawConsent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.ConsentWithdraw)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) =>
        consents.WithdrawAsync(req.HttpContext, client, id).AsAction();

    [Function("TakeDown")]
    public Task<IActionResult> TakeDown(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Takedown)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) =>
        takedowns.TakeDownAsync(req.HttpContext, client, id).AsAction();
}
