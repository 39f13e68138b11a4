using System.Text.Json;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>
/// What the PUTs of settings kept by staff (the people, the working calendar) share: the body as a typed update, with
/// a value of the wrong kind named where it is, and who is changing them.
/// </summary>
public static class SettingsBody
{
    /// <summary>Set by App Service authentication (Microsoft Entra ID) in Azure; the platform drops it when a client sends it.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    public static async Task<(T? Update, IResult? Refused)> ReadAsync<T>(HttpContext http, int limit) where T : class
    {
        var (document, refused) = await JsonBody.ReadAsync(http, limit);
        if (refused is not null) return (null, refused);
        using (document)
        {
            try
            {
                return document!.Deserialize<T>(SubmissionJson.Options) is { } update
                    ? (update, null) : (null, Problems.Field(400, "body", "JSON kosong / empty JSON"));
            }
            catch (JsonException e)
            {
                // Well-formed JSON with a value of the wrong kind: name where it is.
                return (null, Problems.Field(400, string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'),
                    "Nilai ini tidak sesuai jenisnya / this value is of the wrong kind"));
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) makes no text.
                return (null, Problems.Field(400, "body", "Teks tidak sah / not valid text"));
            }
        }
    }

    /// <summary>The signed-in principal in Azure, else the name the body gives; a problem goes into <paramref name="errors"/>.</summary>
    public static string ChangedBy(HttpContext http, string? given, IDictionary<string, string[]> errors)
    {
        var by = http.Request.Headers[PrincipalHeader].ToString().Trim();
        if (by.Length == 0) by = given?.Trim() ?? "";
        if (by.Length is 0 or > 200) errors["changedBy"] = ["Nama pengubah wajib, paling banyak 200 karakter / who is changing this is required, at most 200 characters"];
        else if (by.Any(char.IsControl)) errors["changedBy"] = ["Tanpa karakter kendali / no control characters"];
        return by;
    }

    /// <summary>409 naming the version: someone saved since the editor loaded.</summary>
    public static IResult ChangedMeanwhile(string whatId, string whatEn, int version, string? by) =>
        Problems.Field(409, "version",
            $"{whatId} sudah diubah orang lain (versi {version}, oleh {by}); muat ulang / " +
            $"someone else changed {whatEn} meanwhile (version {version}, by {by}); reload");
}
