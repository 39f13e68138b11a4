using System.Text;
using System.Text.Json;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Tests.Staff;

/// <summary>The workflow's services over this class's own Azurite (the index and the people are per storage account).</summary>
public sealed class StaffServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private StaffServices(ServiceProvider provider) => this.provider = provider;

    public IServiceProvider Services => provider;
    public SubmissionStore Store => provider.GetRequiredService<SubmissionStore>();

    public static async Task<StaffServices> StartAsync(WorkflowFixture fixture)
    {
        var provider = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddHumasWorkflow(WorkflowHost.Settings(fixture))
            .BuildServiceProvider();
        await provider.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
        return new StaffServices(provider);
    }

    /// <summary>Stores a submission as intake does (record, first history row, index rows).</summary>
    public async Task<Submission> AddAsync(string title, DateTimeOffset createdAt, Func<SubmissionContent, SubmissionContent>? content = null,
        Func<Submission, Submission>? state = null)
    {
        var c = WorkflowHost.Content(title) with { Team = "tim-kerja-3" };
        var s = new Submission
        {
            Id = SubmissionIds.New(createdAt), Content = content?.Invoke(c) ?? c, Status = SubmissionStatus.Submitted,
            CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        s = state?.Invoke(s) ?? s;
        await Store.CreateAsync(s, new HistoryEntry { Step = 0, At = createdAt, Status = s.Status, Event = HistoryEvent.Submitted });
        return s;
    }

    /// <summary>
    /// Runs a handler as the hosts do once the staff key has been checked (the local host's filter, the Functions host's
    /// function key), and answers the status, content type and body.
    /// </summary>
    public async Task<(int Status, string? ContentType, byte[] Body)> CallAsync(
        Func<HttpContext, Task<IResult>> handler, string query = "", string method = "GET", string? json = null)
    {
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Method = method;
        http.Request.QueryString = new QueryString(query.Length == 0 || query.StartsWith('?') ? query : "?" + query);
        if (json is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }
        var body = new MemoryStream();
        http.Response.Body = body;
        var result = await handler(http);
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.ContentType, body.ToArray());
    }

    public static JsonDocument Json((int Status, string? ContentType, byte[] Body) response) => JsonDocument.Parse(response.Body);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}

/// <summary>Runs an activity class outside the engine, as a redelivery would run it again.</summary>
public sealed class ActivityRun(string instanceId) : TaskActivityContext
{
    public override TaskName Name => new("test");
    public override string InstanceId => instanceId;
}

/// <summary>One Azurite and one set of services for a test class, with data seeded once for all its tests.</summary>
public sealed class StaffFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool seeded;

    public WorkflowFixture Workflow { get; } = new();
    public StaffServices Staff { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Workflow.InitializeAsync();
        Staff = await StaffServices.StartAsync(Workflow);
    }

    public async Task SeedOnceAsync(Func<StaffServices, Task> seed)
    {
        await gate.WaitAsync();
        try
        {
            if (!seeded) await seed(Staff);
            seeded = true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Staff.DisposeAsync();
        await Workflow.DisposeAsync();
    }
}

/// <summary>A test class with the workflow's services over its own Azurite, started before its tests and stopped after.</summary>
public abstract class StaffServicesTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    protected StaffServices staff = null!;
    protected SubmissionIndex Index => staff.Services.GetRequiredService<SubmissionIndex>();

    public async Task InitializeAsync() => staff = await StaffServices.StartAsync(fixture);

    public async Task DisposeAsync() => await staff.DisposeAsync();
}
