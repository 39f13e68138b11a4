using System.Security.Cryptography;
using System.Text;
using Humas.Workflow.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Http;

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
