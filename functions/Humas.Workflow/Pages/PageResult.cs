using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Pages;

/// <summary>
/// A page: a Razor component rendered into the response (<see cref="RazorComponentResult"/>), with the headers every
/// page carries. Both hosts execute it into their HttpContext; its services come from <c>AddHumasWorkflow</c> and
/// <see cref="PageServices.AddHumasPages"/>.
/// </summary>
public sealed class PageResult(RazorComponentResult page) : IResult
{
    public RazorComponentResult Page { get; } = page;

    public static PageResult Of<TPage>(IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(new RazorComponentResult<TPage>(parameters) { StatusCode = status });

    /// <summary>A short page with a heading and one sentence: a link that cannot be used, a decision taken.</summary>
    public static PageResult Message(Lang lang, int status, string title, string? text = null, Profiles.UnitProfile? unit = null) =>
        Of<MessagePage>(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Lang)] = lang,
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Text)] = text,
            [nameof(MessagePage.Unit)] = unit,
        }, status);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        headers.ContentSecurityPolicy = httpContext.RequestServices.GetRequiredService<ContentSecurityPolicy>().Header;
        headers.XContentTypeOptions = "nosniff";
        // Links in email carry their token in the address; a page must not hand it on to the sites it links to.
        headers["Referrer-Policy"] = "same-origin";
        return Page.ExecuteAsync(httpContext);
    }
}
