using Humas.Workflow.Decisions;
using Humas.Workflow.Health;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Pages;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Reach;
using Humas.Workflow.Recovery;
using Humas.Workflow.People;
using Humas.Workflow.Revision;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Humas.Workflow.Staff;
using Humas.Workflow.Tracking;
using Humas.Workflow.Uploads;
using Microsoft.DurableTask.Client;

namespace Humas.LocalHost;

/// <summary>Maps the same handlers the Functions app's triggers call, on the same routes.</summary>
public static class HumasRoutes
{
    public static void MapHumasRoutes(this IEndpointRouteBuilder endpoints)
    {
        // Every route in one group, so that which ones need the staff key is read from StaffRoutes alone and a route
        // mapped here cannot be left unguarded by forgetting a call on it.
        var app = endpoints.MapGroup("");
        ((IEndpointConventionBuilder)app).Add(GuardStaffRoutes);
        app.MapGet("/" + Routes.Form, (HttpContext c, FormPage h) => h.Show(c));
        app.MapPost(Routes.Submissions, (HttpContext c, DurableTaskClient d, IntakeHandler h) => h.SubmitAsync(c, d)).DisableAntiforgery();
        app.MapGet(Routes.Submissions, (HttpContext c, StaffHandlers h) => h.ListAsync(c));
        app.MapGet(Routes.Submission, (HttpContext c, DurableTaskClient d, StatusHandlers h, string id) => h.GetAsync(c, d, id));
        app.MapGet(Routes.Act, (HttpContext c, DecisionHandler h, string token) => h.ShowAsync(c, token));
        app.MapPost(Routes.Act, (HttpContext c, DurableTaskClient d, DecisionHandler h, string token) => h.DecideAsync(c, d, token));
        app.MapGet(Routes.Revise, (HttpContext c, ReviseHandler h, string token) => h.ShowAsync(c, token));
        app.MapPost(Routes.Revise, (HttpContext c, DurableTaskClient d, ReviseHandler h, string token) => h.ReviseAsync(c, d, token));
        app.MapGet(Routes.Track, (HttpContext c, StatusHandlers h, string token) => h.TrackAsync(c, token));
        app.MapPost(Routes.Track, (HttpContext c, DurableTaskClient d, StaffActions h, string token) => h.WithdrawAsync(c, d, token)).DisableAntiforgery();
        app.MapPost(Routes.RevokeLinks, (HttpContext c, StaffActions h, string id) => h.RevokeLinksAsync(c, id));
        app.MapPost(Routes.RestartWorkflow, (HttpContext c, DurableTaskClient d, RecoveryHandlers h, string id) => h.RestartAsync(c, d, id)).DisableAntiforgery();
        app.MapPost(Routes.CloseWorkflow, (HttpContext c, DurableTaskClient d, RecoveryHandlers h, string id) => h.CloseAsync(c, d, id)).DisableAntiforgery();
        app.MapPost(Routes.Schedule, (HttpContext c, DurableTaskClient d, StaffActions h, string id) => h.RescheduleAsync(c, d, id)).DisableAntiforgery();
        app.MapGet(Routes.Published, (HttpContext c, PublishedHandlers h) => h.PageAsync(c));
        app.MapGet(Routes.Feed, (HttpContext c, PublishedHandlers h) => h.AtomAsync(c));
        app.MapGet(Routes.PublishedJson, (HttpContext c, PublishedHandlers h) => h.JsonAsync(c));
        app.MapGet(Routes.Media, (HttpContext c, PublishedHandlers h, string id, string name) => h.MediaAsync(c, id, name));
        app.MapPost(Routes.Uploads, (HttpContext c, UploadHandler h) => h.CreateAsync(c)).DisableAntiforgery();
        app.MapGet(Routes.Asset, (HttpContext c, AssetHandler h, string name) => h.Serve(c, name));
        app.MapGet(Routes.Health, (HttpContext c, DurableTaskClient d, HealthHandler h) => h.CheckAsync(c, d));
        app.MapPost(Routes.PublicationRetry, (HttpContext c, DurableTaskClient d, PublicationRetryHandler h, string id, string channel) =>
            h.RetryAsync(c, d, id, channel)).DisableAntiforgery();
        app.MapGet(Routes.Targets, (HttpContext c, TargetHandlers h, string year) => h.JsonAsync(c, year));
        app.MapGet(Routes.Dashboard, (HttpContext c, TargetHandlers h) => h.DashboardAsync(c));
        app.MapPost(Routes.RunSummary, (HttpContext c, SummaryHandler h) => h.RunAsync(c));
        app.MapGet(Routes.Communities, (HttpContext c, RegisterHandlers h) => h.CommunitiesAsync(c));
        app.MapPost(Routes.Communities, (HttpContext c, RegisterHandlers h) => h.AddCommunityAsync(c));
        app.MapGet(Routes.PartnerMedia, (HttpContext c, RegisterHandlers h) => h.MediaAsync(c));
        app.MapPost(Routes.PartnerMedia, (HttpContext c, RegisterHandlers h) => h.AddMediumAsync(c));
        app.MapPost(Routes.PartnerMediaItems, (HttpContext c, RegisterHandlers h, string id) => h.AddItemAsync(c, id));
        app.MapGet(Routes.StaffPage, (HttpContext c, StaffPage h) => h.ShowAsync(c));
        app.MapGet(Routes.SubmissionExport, (HttpContext c, StaffHandlers h, string format) => h.ExportAsync(c, format));
        app.MapGet(Routes.Calendar, (HttpContext c, StaffHandlers h, string month) => h.CalendarAsync(c, month));
        app.MapGet(Routes.People, (HttpContext c, PeopleHandlers h) => h.GetAsync(c));
        app.MapPut(Routes.People, (HttpContext c, PeopleHandlers h) => h.PutAsync(c)).DisableAntiforgery();
        app.MapGet(Routes.WorkingCalendar, (HttpContext c, Humas.Workflow.Holidays.WorkingCalendarHandlers h) => h.GetAsync(c));
        app.MapPut(Routes.WorkingCalendar, (HttpContext c, Humas.Workflow.Holidays.WorkingCalendarHandlers h) => h.PutAsync(c)).DisableAntiforgery();
        app.MapPost(Routes.RunReach, (HttpContext c, ReachHandlers h) => h.RunAsync(c)).DisableAntiforgery();
        app.MapGet(Routes.Reach, (HttpContext c, ReachHandlers h, string year) => h.JsonAsync(c, year));
        app.MapGet(Routes.Consents, (HttpContext c, Humas.Workflow.Consents.ConsentHandlers h) => h.ListAsync(c));
        app.MapPost(Routes.Consents, (HttpContext c, Humas.Workflow.Consents.ConsentHandlers h) => h.RegisterAsync(c)).DisableAntiforgery();
        app.MapPost(Routes.ConsentWithdraw, (HttpContext c, DurableTaskClient d, Humas.Workflow.Consents.ConsentHandlers h, string id) =>
            h.WithdrawAsync(c, d, id)).DisableAntiforgery();
        app.MapPost(Routes.Takedown, (HttpContext c, DurableTaskClient d, Humas.Workflow.Takedown.Takedowns h, string id) =>
            h.TakeDownAsync(c, d, id)).DisableAntiforgery();
    }

    private static void GuardStaffRoutes(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route) return;
        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods ?? [];
        if (!methods.Any(m => StaffRoutes.Contains(m, route.RoutePattern.RawText ?? ""))) return;
        endpoint.FilterFactories.Add((context, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<StaffKeyFilter>(context.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
    }
}
