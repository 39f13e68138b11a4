using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>Errors as application/problem+json (RFC 9457), with a per-field map for validation.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, int status = 400) =>
        Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = "Data pengajuan tidak valid / the submission is not valid",
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5." + status switch
            {
                404 => "5", 409 => "10", 413 => "14", 415 => "16", _ => "1",
            },
            Extensions = { ["errors"] = errors },
        });

    public static IResult Field(int status, string field, string reason) =>
        Validation(new Dictionary<string, string[]> { [field] = [reason] }, status);

    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status);

    public static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
