using Humas.LocalHost;
using Humas.LocalHost.Engine;
using Humas.LocalHost.Schedules;
using Humas.LocalHost.Uploads;
using Humas.Workflow;
using Humas.Workflow.Configuration;
using Humas.Workflow.Pages;
using Humas.Workflow.Storage;
using Microsoft.Extensions.Options;

// The local host: the Functions app's endpoints and orchestrations in one process, on the Durable Task
// engine over Azurite, with state that survives a restart.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:7071");

LocalSecrets.Apply(builder.Configuration);
var storageConnection = builder.Configuration["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true";
builder.Configuration["AzureWebJobsStorage"] = storageConnection;

var intake = builder.Configuration.GetSection("Humas:Intake").Get<IntakeOptions>() ?? new IntakeOptions();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = intake.MaxFiles * intake.MaxFileBytes + 16 * 1024 * 1024);

builder.Services.AddHumasWorkflow(builder.Configuration);
builder.Services.AddHumasPages();
// Answers the router's own refusals (no such route, wrong method) as problem+json like every other error.
builder.Services.AddProblemDetails();
builder.Services.AddLocalDurableEngine(
    new LocalEngineOptions
    {
        StorageConnectionString = storageConnection,
        TaskHubName = builder.Configuration["Humas:TaskHub"] ?? "HumasHub",
        WorkerId = WorkerIdentity.Resolve(builder.Configuration),
        PartitionCount = builder.Configuration.GetValue("Humas:Engine:PartitionCount", 4),
        LeaseInterval = builder.Configuration.GetValue("Humas:Engine:LeaseInterval", TimeSpan.FromSeconds(30)),
        LeaseAcquireInterval = builder.Configuration.GetValue("Humas:Engine:LeaseAcquireInterval", TimeSpan.FromSeconds(10)),
        // How long work taken by a process that died stays hidden before another run picks it up again.
        ControlQueueVisibilityTimeout = builder.Configuration.GetValue("Humas:Engine:ControlQueueVisibilityTimeout", TimeSpan.FromSeconds(60)),
        WorkItemQueueVisibilityTimeout = builder.Configuration.GetValue("Humas:Engine:WorkItemQueueVisibilityTimeout", TimeSpan.FromSeconds(60)),
    },
    WorkflowCatalog.Orchestrators,
    WorkflowCatalog.Activities);
// Scheduled jobs run in every local host process, each occurrence by one of them (see ScheduleClaims).
builder.Services.AddSingleton<ScheduleClaims>();
builder.Services.AddHostedService<UploadSweepService>();
builder.Services.AddHostedService<LocalSummaryScheduler>();
builder.Services.AddHostedService<LocalReachScheduler>();
builder.Services.AddHostedService<Humas.LocalHost.Recovery.WorkflowFailureWatch>();

var app = builder.Build();
var storage = app.Services.GetRequiredService<HumasStorage>();
await UploadCors.AllowAsync(storage.Blobs, app.Services.GetRequiredService<IOptions<HumasOptions>>().Value.PublicBaseUrl);
app.UseStatusCodePages();
app.MapHumasRoutes();
app.Logger.LogInformation("Humas local host: profile {Profile}, data in {DataDir}",
    app.Configuration["Humas:Profile"] ?? "bbpmp-jateng", app.Configuration["Humas:DataDir"]);
app.Run();

public partial class Program;
