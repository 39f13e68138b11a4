using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>Adds a Location header to another result.</summary>
public sealed class WithLocation(IResult inner, string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return inner.ExecuteAsync(httpContext);
    }
}
