using Humas.Workflow.Configuration;
using Humas.Workflow.Decisions;
using Humas.Workflow.Health;
using Humas.Workflow.Http;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Pages;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Reach;
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

public static class HumasWorkflowServices
{
    /// <summary>Everything both hosts share: options, storage, the unit profile, links, mail, handlers.</summary>
    public static IServiceCollection AddHumasWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound at start: a setting that does not convert (a deadline of '3 hari') stops the host with the setting's name.
        services.AddOptions<HumasOptions>().Bind(configuration.GetSection(HumasOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HumasOptions>>(new DeadlineSettings(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => HumasStorage.FromConfiguration(configuration));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<HumasOptions>>().Value;
            return UnitProfileLoader.Load(o.Profile, o.People);
        });
        services.AddSingleton(sp => LinkKeys.From(sp.GetRequiredService<IOptions<HumasOptions>>().Value));
        services.AddSingleton(sp => LinkSigner.For(sp.GetRequiredService<LinkKeys>()));
        services.AddSingleton<LinkBook>();
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
        services.AddSingleton<MailThumbnail>();
        services.AddSingleton<ComponentRenderer>();
        services.AddSingleton(sp => new ContentSecurityPolicy(
            sp.GetRequiredService<HumasStorage>().Blobs.Uri.ToString(), sp.GetRequiredService<Links.Links>().BaseUrl));
        services.AddSingleton<AssetHandler>();
        services.AddSingleton<EventClaims>();
        services.AddSingleton<Rounds.RoundSnapshots>();
        services.AddSingleton<WebsiteFeed>();
        services.AddHttpClient(ChannelHttp.ClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<HumasOptions>>().Value.Channels.RequestTimeout);
        services.AddSingleton<YouTubeToken>();
        services.AddSingleton<InstagramToken>();
        services.AddSingleton<IPublicationChannel, WordPressChannel>();
        services.AddSingleton<IPublicationChannel, YouTubeChannel>();
        // Its steps are activities of their own in version 2, which take the adapter itself.
        services.AddSingleton<InstagramChannel>();
        services.AddSingleton<IPublicationChannel>(sp => sp.GetRequiredService<InstagramChannel>());
        services.AddSingleton<IPublicationChannel, PartnerMediaChannel>();
        services.AddSingleton<ChannelPublisher>();
        services.AddSingleton<PublicationRetryHandler>();

        services.AddSingleton<UploadStore>();
        services.AddSingleton<UploadAttachments>();
        services.AddSingleton<UploadSweeper>();
        services.AddSingleton<UploadHandler>();
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
        services.AddSingleton<Holidays.UnitCalendar>();
        services.AddSingleton<Holidays.WorkingCalendarHandlers>();

        services.AddOptions<ReachOptions>().Bind(configuration.GetSection(ReachOptions.Section));
        services.AddSingleton<IReachSource, InstagramReach>();
        services.AddSingleton<IReachSource, YouTubeReach>();
        services.AddSingleton<IReachSource, WordPressReach>();
        services.AddSingleton<ReachStore>();
        services.AddSingleton<ChannelHealthStore>();
        services.AddSingleton<ReconnectNotice>();
        services.AddSingleton<ReachRecorder>();
        services.AddSingleton<ReachReporter>();
        services.AddSingleton<ReachHandlers>();

        services.AddSingleton<Consents.ConsentRegister>();
        services.AddSingleton<Consents.ConsentForm>();
        services.AddSingleton<Consents.ConsentHandlers>();
        services.AddSingleton<Takedown.Takedowns>();

        services.AddSingleton<Decisions.DecisionMailComposer>();
        services.AddSingleton<Decisions.DecisionRequests>();
        services.AddSingleton<Orchestrator.Transitions>();
        services.AddSingleton<PublicationCounter>();
        return services;
    }
}
