using Humas.Workflow.Decisions;
using Humas.Workflow.Health;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Pages;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.People;
using Humas.Workflow.Revision;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Humas.Workflow.Staff;
using Humas.Workflow.Tracking;
using Humas.Workflow.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Humas.Functions;

/// <summary>HTTP triggers: bind, call the workflow library, return. Routes come from <see cref="Routes"/>.</summary>
public sealed class HttpTriggers(
    FormPage form, IntakeHandler intake, StatusHandlers status, DecisionHandler decisions, ReviseHandler revise,
    PublishedHandlers published, HealthHandler health, StaffActions actions, PublicationRetryHandler publicationRetry,
    UploadHandler uploads, AssetHandler assets, TargetHandlers targets, RegisterHandlers registers, SummaryHandler summary,
    StaffHandlers staff, StaffPage staffPage, PeopleHandlers people)
{
    // The Functions host has no empty route; this template matches the root only.
    public const string RootRoute = "{root:maxlength(0)?}";

    [Function("Form")]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RootRoute)] HttpRequest req) =>
        form.Show(req.HttpContext).AsAction();

    [Function("Submit")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Submissions)] HttpRequest req,
        [DurableClient] DurableTaskClient client) => intake.SubmitAsync(req.HttpContext, client).AsAction();

    [Function("GetSubmission")]
    public Task<IActionResult> GetSubmission(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Submission)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) => status.GetAsync(req.HttpContext, client, id).AsAction();

    [Function("ShowDecision")]
    public Task<IActionResult> ShowDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Act)] HttpRequest req, string token) =>
        decisions.ShowAsync(req.HttpContext, token).AsAction();

    [Function("Decide")]
    public Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Act)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string token) => decisions.DecideAsync(req.HttpContext, client, token).AsAction();

    [Function("ShowRevision")]
    public Task<IActionResult> ShowRevision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Revise)] HttpRequest req, string token) =>
        revise.ShowAsync(req.HttpContext, token).AsAction();

    [Function("Revise")]
    public Task<IActionResult> Revise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Revise)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string token) => revise.ReviseAsync(req.HttpContext, client, token).AsAction();

    [Function("Track")]
    public Task<IActionResult> Track(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Track)] HttpRequest req, string token) =>
        status.TrackAsync(req.HttpContext, token).AsAction();

    [Function("Withdraw")]
    public Task<IActionResult> Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Track)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string token) => actions.WithdrawAsync(req.HttpContext, client, token).AsAction();

    [Function("RevokeLinks")]
    public Task<IActionResult> RevokeLinks(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.RevokeLinks)] HttpRequest req, string id) =>
        actions.RevokeLinksAsync(req.HttpContext, id).AsAction();

    [Function("Schedule")]
    public Task<IActionResult> Schedule(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Schedule)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id) => actions.RescheduleAsync(req.HttpContext, client, id).AsAction();

    [Function("Published")]
    public Task<IActionResult> Published(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Published)] HttpRequest req) =>
        published.PageAsync(req.HttpContext).AsAction();

    [Function("Feed")]
    public Task<IActionResult> Feed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Feed)] HttpRequest req) =>
        published.AtomAsync(req.HttpContext).AsAction();

    [Function("PublishedJson")]
    public Task<IActionResult> PublishedJson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PublishedJson)] HttpRequest req) =>
        published.JsonAsync(req.HttpContext).AsAction();

    [Function("Media")]
    public Task<IActionResult> Media(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Media)] HttpRequest req, string id, string name) =>
        published.MediaAsync(req.HttpContext, id, name).AsAction();

    [Function("Health")]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient client) => health.CheckAsync(req.HttpContext, client).AsAction();

    [Function("RetryChannel")]
    public Task<IActionResult> RetryChannel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.PublicationRetry)] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id, string channel) =>
        publicationRetry.RetryAsync(req.HttpContext, client, id, channel).AsAction();

    [Function("ListSubmissions")]
    public Task<IActionResult> ListSubmissions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Submissions)] HttpRequest req) =>
        staff.ListAsync(req.HttpContext).AsAction();

    [Function("ExportSubmissions")]
    public Task<IActionResult> ExportSubmissions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.SubmissionExport)] HttpRequest req, string format) =>
        staff.ExportAsync(req.HttpContext, format).AsAction();

    [Function("Calendar")]
    public Task<IActionResult> Calendar(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Calendar)] HttpRequest req, string month) =>
        staff.CalendarAsync(req.HttpContext, month).AsAction();

    // The page holds no data; it asks for the function key and sends it with each call.
    [Function("StaffPage")]
    public Task<IActionResult> StaffPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.StaffPage)] HttpRequest req) =>
        staffPage.ShowAsync(req.HttpContext).AsAction();

    [Function("GetPeople")]
    public Task<IActionResult> GetPeople(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.People)] HttpRequest req) =>
        people.GetAsync(req.HttpContext).AsAction();

    [Function("PutPeople")]
    public Task<IActionResult> PutPeople(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.People)] HttpRequest req) =>
        people.PutAsync(req.HttpContext).AsAction();

    [Function("CreateUpload")]
    public Task<IActionResult> CreateUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Uploads)] HttpRequest req) =>
        uploads.CreateAsync(req.HttpContext).AsAction();

    [Function("Asset")]
    public IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Asset)] HttpRequest req, string name) =>
        assets.Serve(req.HttpContext, name).AsAction();

    [Function("Targets")]
    public Task<IActionResult> Targets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Targets)] HttpRequest req, string year) =>
        targets.JsonAsync(req.HttpContext, year).AsAction();

    [Function("Dashboard")]
    public Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Dashboard)] HttpRequest req) =>
        targets.DashboardAsync(req.HttpContext).AsAction();

    [Function("RunSummary")]
    public Task<IActionResult> RunSummary(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.RunSummary)] HttpRequest req) =>
        summary.RunAsync(req.HttpContext).AsAction();

    [Function("Communities")]
    public Task<IActionResult> Communities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Communities)] HttpRequest req) =>
        registers.CommunitiesAsync(req.HttpContext).AsAction();

    [Function("AddCommunity")]
    public Task<IActionResult> AddCommunity(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Communities)] HttpRequest req) =>
        registers.AddCommunityAsync(req.HttpContext).AsAction();

    [Function("PartnerMedia")]
    public Task<IActionResult> PartnerMedia(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.PartnerMedia)] HttpRequest req) =>
        registers.MediaAsync(req.HttpContext).AsAction();

    [Function("AddPartnerMedium")]
    public Task<IActionResult> AddPartnerMedium(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.PartnerMedia)] HttpRequest req) =>
        registers.AddMediumAsync(req.HttpContext).AsAction();

    [Function("AddCarriedItem")]
    public Task<IActionResult> AddCarriedItem(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.PartnerMediaItems)] HttpRequest req, string id) =>
        registers.AddItemAsync(req.HttpContext, id).AsAction();
}
