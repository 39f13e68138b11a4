using Humas.Workflow.Holidays;
using Humas.Workflow.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Humas.Functions;

/// <summary>The working calendar's staff routes: bind, call the handler, return.</summary>
public sealed class WorkingCalendarTriggers(WorkingCalendarHandlers calendar)
{
    [Function("GetWorkingCalendar")]
    public Task<IActionResult> GetWorkingCalendar(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.WorkingCalendar)] HttpRequest req) =>
        calendar.GetAsync(req.HttpContext).AsAction();

    [Function("PutWorkingCalendar")]
    public Task<IActionResult> PutWorkingCalendar(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.WorkingCalendar)] HttpRequest req) =>
        calendar.PutAsync(req.HttpContext).AsAction();
}
