using System.Text.Json;
using Humas.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Http;
using Humas.Workflow;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>The Functions app and the local host must serve the same HTTP surface.</summary>
public sealed class RouteParityTests
{
    private static string Normalize(string route) =>
        route.Trim('/') is var r && r.StartsWith("{root:", StringComparison.Ordinal) ? "" : route.Trim('/');

    private static SortedSet<string> FunctionsRoutes() => new(FunctionsAuthLevels().Keys);

    /// <summary>Each method and route of the Functions app's HTTP triggers ("GET /api/submissions"), with its authLevel.</summary>
    private static SortedDictionary<string, string> FunctionsAuthLevels()
    {
        var path = Path.Combine(RepoPaths.Root, "functions", "Humas.Functions", "bin", RepoPaths.Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions app was not built");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var routes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in doc.RootElement.EnumerateArray())
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
                if (binding.GetProperty("type").GetString() == "httpTrigger")
                    foreach (var method in binding.GetProperty("methods").EnumerateArray())
                        routes.Add($"{method.GetString()!.ToUpperInvariant()} /{Normalize(binding.GetProperty("route").GetString()!)}",
                            binding.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        return routes;
    }

    private static SortedSet<string> LocalHostRoutes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        builder.Services.AddHumasWorkflow(builder.Configuration);
        builder.Services.AddSingleton<DurableTaskClient>(_ => throw new InvalidOperationException("not used"));
        var app = builder.Build();
        app.MapHumasRoutes();
        var routes = new SortedSet<string>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                routes.Add($"{method} /{Normalize(endpoint.RoutePattern.RawText ?? "")}");
        return routes;
    }

    [Fact]
    public void Functions_metadata_and_local_host_serve_the_same_routes_and_methods()
    {
        var functions = FunctionsRoutes();
        var local = LocalHostRoutes();
        Assert.Contains("POST /api/submissions", functions);
        Assert.Contains("GET /", functions);
        Assert.Equal(functions, local);
    }

    [Fact]
    public void Staff_routes_need_the_function_key_and_every_other_route_is_anonymous()
    {
        var levels = FunctionsAuthLevels();
        var staff = StaffRoutes.All.Select(r => r.ToString()).ToHashSet();
        // A staff route the app does not serve would guard nothing in the local host and go unnoticed.
        Assert.Subset(levels.Keys.ToHashSet(), staff);
        foreach (var (route, level) in levels)
            Assert.True(level == (staff.Contains(route) ? "function" : "anonymous"), $"{route} is {level}");
    }

    [Theory]
    [InlineData("RestartWorkflow", "api/submissions/{id}/restart")]
    [InlineData("CloseWorkflow", "api/submissions/{id}/close")]
    public void Recovery_routes_are_staff_routes_behind_a_function_key(string name, string route)
    {
        var path = Path.Combine(RepoPaths.Root, "functions", "Humas.Functions", "bin", RepoPaths.Configuration, "net10.0", "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var function = doc.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal("function", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
    }

    [Fact]
    public void Every_orchestrator_and_activity_has_a_Functions_wrapper()
    {
        var path = Path.Combine(RepoPaths.Root, "functions", "Humas.Functions", "bin", RepoPaths.Configuration, "net10.0", "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var names = doc.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet();
        foreach (var type in WorkflowCatalog.Orchestrators.Concat(WorkflowCatalog.Activities))
            Assert.Contains(type.Name, names);
    }
}
