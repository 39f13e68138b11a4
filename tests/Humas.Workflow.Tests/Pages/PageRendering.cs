using Humas.Workflow.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Humas.Workflow.Tests.Pages;

/// <summary>Renders pages as the hosts do: a component to a string, or a handler's result executed into a request.</summary>
public static class PageRendering
{
    private static readonly ComponentRenderer Renderer = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    /// <summary>The services both hosts register (AddHumasWorkflow, AddHumasPages), in a web application as either host is one.</summary>
    public static readonly Lazy<WebApplication> App = new(() =>
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Humas:PublicBaseUrl"] = "https://humas.example",
            ["Humas:LinkSigningKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.Services.AddHumasWorkflow(builder.Configuration).AddHumasPages();
        return builder.Build();
    });

    public static Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent =>
        Renderer.RenderAsync<TComponent>(parameters);

    /// <summary>A response as a browser would get it: status, headers and body.</summary>
    public sealed record Response(int Status, IHeaderDictionary Headers, string Body);

    public static Task<Response> ExecuteAsync(IResult result, string path = "/") => ExecuteAsync(_ => result, path);

    /// <summary>Calls a handler with the request and executes what it answers into the same request, as the hosts do.</summary>
    public static async Task<Response> ExecuteAsync(Func<HttpContext, IResult> handler, string path = "/", string? query = null, string? ifNoneMatch = null)
    {
        await using var scope = App.Value.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("humas.example");
        http.Request.Path = path;
        if (query is not null) http.Request.QueryString = new QueryString(query);
        if (ifNoneMatch is not null) http.Request.Headers.IfNoneMatch = ifNoneMatch;
        using var body = new MemoryStream();
        http.Response.Body = body;
        await handler(http).ExecuteAsync(http);
        return new Response(http.Response.StatusCode, http.Response.Headers, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
