using System.Security.Cryptography;
using System.Text;
using Humas.Workflow.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

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

/// <summary>
/// The staff key as the local host checks it, in front of the routes <see cref="StaffRoutes"/> lists (the handlers do not
/// check it); in Azure the function key or App Service auth does this job.
/// </summary>
public sealed class StaffKey(IOptions<HumasOptions> options)
{
    public const string Header = "x-functions-key";

    public bool Allows(HttpRequest request)
    {
        if (options.Value.StaffGuardedByHost) return true;
        var expected = options.Value.AdminKey;
        if (string.IsNullOrEmpty(expected)) return false;
        var given = request.Headers[Header].ToString();
        if (given.Length == 0) given = request.Query["code"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    public static IResult Refused() => Problems.Status(401, "Kunci staf diperlukan / a staff key is required",
        $"Send the admin key in the {Header} header.");
}
