namespace Humas.Workflow.Http;

/// <summary>
/// The routes that need the staff key, in one place: the local host guards exactly these, and a test holds the Functions
/// app's function-level triggers to the same list. Every other route of <see cref="Routes"/> is public.
/// </summary>
public static class StaffRoutes
{
    public static readonly IReadOnlySet<StaffRoute> All = new HashSet<StaffRoute>
    {
        new("GET", Routes.Submissions),
        new("GET", Routes.Submission),
        new("POST", Routes.RevokeLinks),
        new("POST", Routes.Schedule),
        new("POST", Routes.RestartWorkflow),
        new("POST", Routes.CloseWorkflow),
        new("POST", Routes.PublicationRetry),
        new("GET", Routes.SubmissionExport),
        new("GET", Routes.Calendar),
        new("GET", Routes.People),
        new("PUT", Routes.People),
        new("POST", Routes.RunSummary),
        new("GET", Routes.Communities),
        new("POST", Routes.Communities),
        new("GET", Routes.PartnerMedia),
        new("POST", Routes.PartnerMedia),
        new("POST", Routes.PartnerMediaItems),
        new("GET", Routes.WorkingCalendar),
        new("PUT", Routes.WorkingCalendar),
        new("POST", Routes.RunReach),
        new("GET", Routes.Consents),
        new("POST", Routes.Consents),
        new("POST", Routes.ConsentWithdraw),
        new("POST", Routes.Takedown),
    };

    /// <summary>Whether a method on a route template needs the key; the template may carry a group's leading slash.</summary>
    public static bool Contains(string method, string route) =>
        All.Contains(new StaffRoute(method.ToUpperInvariant(), route.Trim('/')));
}
