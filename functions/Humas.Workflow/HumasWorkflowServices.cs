using Humas.Workflow.Configuration;
using Humas.Workflow.Decisions;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Revision;
using Humas.Workflow.Staff;
using Humas.Workflow.Storage;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Humas.Workflow.Tracking;
using Humas.Workflow.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Humas.Workflow;

/// <summary>The workflow's orchestrators and activities, registered by class name in both hosts.</summary>
public static class WorkflowCatalog
{
    public static readonly IReadOnlyList<Type> Orchestrators = [typeof(SubmissionWorkflow), typeof(RetryPublication)];

    public static readonly IReadOnlyList<Type> Activities =
        [typeof(RecordTransition), typeof(AssignDeciders), typeof(RequestDecision), typeof(RecordResponse), typeof(ApplyRevision),
         typeof(PublishSubmission), typeof(PublishChannel), typeof(CountPublication)];
}

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
    public const string FormScript = "assets/form.js";
    public const string Targets = "api/targets/{year}";
    public const string Dashboard = "dashboard";
    public const string RunSummary = "api/summaries/run";
    public const string Communities = "api/communities";
    public const string PartnerMedia = "api/partner-media";
    public const string PartnerMediaItems = "api/partner-media/{id}/items";
}

public static class HumasWorkflowServices
{
    /// <summary>Everything both hosts share: options, storage, the unit profile, links, mail, handlers.</summary>
    public static IServiceCollection AddHumasWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HumasOptions>().Bind(configuration.GetSection(HumasOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => HumasStorage.FromConfiguration(configuration));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<HumasOptions>>().Value;
            return UnitProfileLoader.Load(o.Profile, o.People);
        });
        services.AddSingleton(sp => new LinkSigner(LinkSigner.KeyFrom(sp.GetRequiredService<IOptions<HumasOptions>>().Value.LinkSigningKey)));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HumasOptions>>().Value.Intake);

        services.AddSingleton<Faults.FaultPoints>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<SubmissionIndex>();
        // After StorageInitializer: hosted services start in the order they are added.
        services.AddHostedService<IndexBackfill>();
        services.AddSingleton<UnitPeople>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<Links.Links>();
        services.AddSingleton<LinkGate>();
        services.AddSingleton<StaffKey>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<Mailer>();
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<EventClaims>();
        services.AddSingleton<WebsiteFeed>();
        services.AddHttpClient(ChannelHttp.ClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<HumasOptions>>().Value.Channels.RequestTimeout);
        services.AddSingleton<YouTubeToken>();
        services.AddSingleton<IPublicationChannel, WordPressChannel>();
        services.AddSingleton<IPublicationChannel, YouTubeChannel>();
        services.AddSingleton<IPublicationChannel, InstagramChannel>();
        services.AddSingleton<IPublicationChannel, PartnerMediaChannel>();
        services.AddSingleton<ChannelPublisher>();
        services.AddSingleton<PublicationRetryHandler>();

        services.AddSingleton<UploadStore>();
        services.AddSingleton<UploadAttachments>();
        services.AddSingleton<UploadSweeper>();
        services.AddSingleton<UploadHandler>();
        services.AddSingleton<FormScript>();
        services.AddSingleton<FormPage>();
        services.AddSingleton<MultipartSubmissionReader>();
        services.AddSingleton<SubmissionBodyReader>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IntakeHandler>();
        services.AddSingleton<DecisionHandler>();
        services.AddSingleton<ReviseHandler>();
        services.AddSingleton<StatusHandlers>();
        services.AddSingleton<PublishedHandlers>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<Recovery.WorkflowFailures>();
        services.AddSingleton<Recovery.RecoveryHandlers>();
        services.AddSingleton<StaffActions>();

        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section));
        services.AddSingleton<WaitingIndex>();
        services.AddSingleton<ProgressStore>();
        services.AddSingleton<RegisterStore>();
        services.AddSingleton<TargetRules>();
        services.AddSingleton<TargetReporter>();
        services.AddSingleton<WeeklySummary>();
        services.AddSingleton<TargetHandlers>();
        services.AddSingleton<RegisterHandlers>();
        services.AddSingleton<SummaryHandler>();
        services.AddSingleton<PeopleHandlers>();
        services.AddSingleton<StaffHandlers>();
        services.AddSingleton<StaffPage>();
        return services;
    }
}
