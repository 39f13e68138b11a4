using System.Security.Cryptography;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Support;

/// <summary>Azurite and an SMTP server shared by the workflow tests; each test gets its own submissions.</summary>
public sealed class WorkflowFixture : StorageAndMailFixture;

[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "workflow";
}

/// <summary>The real orchestrator and activities on the in-process engine, over Azurite and a real SMTP server.</summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    public const string BaseUrl = "http://humas.test";
    private readonly DurableTaskTestHost host;

    private WorkflowHost(DurableTaskTestHost host, IConfiguration configuration)
    {
        this.host = host;
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }
    public DurableTaskClient Client => host.Client;
    public IServiceProvider Services => host.Services;
    public SubmissionStore Store => Services.GetRequiredService<SubmissionStore>();

    public static IConfiguration Settings(WorkflowFixture fixture, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString,
            ["Humas:PublicBaseUrl"] = BaseUrl,
            ["Humas:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Humas:AdminKey"] = "test-admin-key",
            ["Humas:Smtp:Host"] = fixture.Smtp.Host,
            ["Humas:Smtp:Port"] = fixture.Smtp.Port.ToString(),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <param name="services">Registrations after the app's own, which replace them (a storage whose requests are counted).</param>
    public static async Task<WorkflowHost> StartAsync(WorkflowFixture fixture, IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null)
    {
        var configuration = Settings(fixture, extra);
        var host = await TestHosts.StartAsync(registry =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators) registry.AddOrchestrator(type);
            foreach (var type in WorkflowCatalog.Activities) registry.AddActivity(type);
        }, new DurableTaskTestHostOptions
        {
            ConfigureServices = s =>
            {
                s.AddHumasWorkflow(configuration);
                services?.Invoke(s);
            },
        });
        await host.Services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
        return new WorkflowHost(host, configuration);
    }

    /// <summary>Stores a submission as intake would and starts its workflow with the given durations.</summary>
    public async Task<string> SubmitAsync(
        SubmissionContent? content = null, WorkflowTimings? timings = null, DateTimeOffset? publishAt = null, int? version = null)
    {
        var now = DateTimeOffset.UtcNow;
        var id = SubmissionIds.New(now);
        content ??= Content();
        await Store.SaveAsync(new Submission
        {
            Id = id, Content = content, Status = SubmissionStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        }, new HistoryEntry { Step = 0, At = now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted });
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            Input(id, timings, publishAt, version), new StartOrchestrationOptions(id));
        return id;
    }

    public static WorkflowInput Input(string id, WorkflowTimings? timings = null, DateTimeOffset? publishAt = null, int? version = null, WorkflowResume? resume = null) =>
        new(id, timings ?? Timings(), publishAt, version ?? WorkflowVersions.Current, resume);

    /// <summary>Durations in seconds; reminders and escalation stay off unless asked for.</summary>
    public static WorkflowTimings Timings(double review = 60, double approval = 60, double revision = 60, double reminder = 3600, double escalate = 3600) =>
        new(TimeSpan.FromSeconds(review), TimeSpan.FromSeconds(approval), TimeSpan.FromSeconds(revision),
            TimeSpan.FromSeconds(reminder), TimeSpan.FromSeconds(escalate));

    public static SubmissionContent Content(string? title = null, string track = "internal", string submitter = "ani@example.org") => new()
    {
        Title = title ?? "Lokakarya Kurikulum Merdeka " + Guid.NewGuid().ToString("N")[..6],
        Summary = "Ringkasan", Body = "Isi berita", ContentType = "news", Channels = ["website"], Track = track,
        Region = "3374", SubmitterName = "Ani", SubmitterEmail = submitter,
    };

    /// <summary>Waits until the record reaches a status (the workflow writes it before the next wait).</summary>
    public async Task<Submission> WaitForStatusAsync(string id, SubmissionStatus status, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Submission? s = null;
        while (DateTime.UtcNow < until)
        {
            s = await Store.GetAsync(id);
            if (s?.Status == status) return s;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{id} is {s?.Status}, not {status}.");
    }

    /// <summary>Waits until the workflow asks for a decision on this stage and round.</summary>
    public async Task<Submission> WaitForStageAsync(string id, Stage stage, int round, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Submission? s = null;
        while (DateTime.UtcNow < until)
        {
            s = await Store.GetAsync(id);
            if (s?.WaitingStage == stage && s.Round == round) return s;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{id} is {s?.Status} at {s?.WaitingStage}/{s?.Round}, not waiting for {stage}/{round}.");
    }

    /// <summary>Raises a decision as the endpoint behind the link would; by default from the internal track's decider.</summary>
    public Task DecideAsync(string id, Stage stage, int round, string decision, string? comment = null, string? person = null, string? onBehalfOf = null) =>
        Client.RaiseEventAsync(id, WorkflowEvents.For(stage, round),
            new DecisionMade(stage, round, decision, comment, person ??= stage == Stage.Review ? "reviewer" : "kabag-umum", person,
                DateTimeOffset.UtcNow, onBehalfOf, onBehalfOf));

    public async Task<OrchestrationMetadata> WaitForEndAsync(string id, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
