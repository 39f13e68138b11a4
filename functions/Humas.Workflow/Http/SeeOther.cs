using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>303 See Other: after a browser form post, the browser GETs the page it is sent to.</summary>
public sealed class SeeOther(string location) : IResult
{
    public string Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
