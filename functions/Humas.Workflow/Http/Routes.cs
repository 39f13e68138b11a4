namespace Humas.Workflow.Http;

/// <summary>The public routes; both hosts serve exactly these (a test compares them).</summary>
public static class Routes
{
    public const string Form = "";
    public const string Submissions = "api/submissions";
    public const string Submission = "api/submissions/{id}";
    public const string RevokeLinks = "api/submissions/{id}/revoke-links";
    public const string Schedule = "api/submissions/{id}/schedule";
    public const string RestartWorkflow = "api/submissions/{id}/restart";
    public const string CloseWorkflow = "api/submissions/{id}/close";
    public const string Act = "act/{token}";
    public const string Revise = "revise/{token}";
    public const string Track = "track/{token}";
    public const string Published = "published";
    public const string Feed = "feed.atom";
    public const string PublishedJson = "api/published";
    public const string Media = "media/{id}/{name}";
    public const string Health = "api/health";
    public const string PublicationRetry = "api/submissions/{id}/publications/{channel}/retry";
    public const string StaffPage = "staff";
    public const string SubmissionExport = "api/exports/submissions/{format}";
    public const string Calendar = "api/calendar/{month}";
    public const string People = "api/people";
    public const string Uploads = "api/uploads";
    public const string Asset = "assets/{name}";
    public const string Targets = "api/targets/{year}";
    public const string Dashboard = "dashboard";
    public const string RunSummary = "api/summaries/run";
    public const string Communities = "api/communities";
    public const string PartnerMedia = "api/partner-media";
    public const string PartnerMediaItems = "api/partner-media/{id}/items";
    public const string WorkingCalendar = "api/working-calendar";
    public const string RunReach = "api/reach/run";
    public const string Reach = "api/reach/{year}";
    public const string Consents = "api/consents";
    public const string ConsentWithdraw = "api/consents/{id}/withdraw";
    public const string Takedown = "api/submissions/{id}/takedown";
}
