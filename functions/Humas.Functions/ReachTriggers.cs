using Humas.Workflow.Http;
using Humas.Workflow.Reach;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Humas.Functions;

/// <summary>The daily reach: its timer (06:00 WIB, 23:00 UTC; WEBSITE_TIME_ZONE is not set), the staff's run now, and the year's figures.</summary>
public sealed class ReachTriggers(ReachRecorder recorder, ReachHandlers reach)
{
    [Function("DailyReach")]
    public Task DailyReach([TimerTrigger(ReachSchedule.FunctionsUtc)] TimerInfo timer, CancellationToken ct) =>
        recorder.RunAsync(ct);

    [Function("RunReach")]
    public Task<IActionResult> RunReach(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.RunReach)] HttpRequest req) =>
        reach.RunAsync(req.HttpContext).AsAction();

    [Function("Reach")]
    public Task<IActionResult> Reach(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Reach)] HttpRequest req, string year) =>
        reach.JsonAsync(req.HttpContext, year).AsAction();
}
