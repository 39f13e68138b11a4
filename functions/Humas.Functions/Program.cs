using Humas.Workflow;
using Humas.Workflow.Configuration;
using Humas.Workflow.Pages;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHumasWorkflow(builder.Configuration);
builder.Services.AddHumasPages();
// Staff triggers are AuthorizationLevel.Function: the Functions host checks the key before the worker runs.
builder.Services.PostConfigure<HumasOptions>(o => o.StaffGuardedByHost = true);
builder.Build().Run();
