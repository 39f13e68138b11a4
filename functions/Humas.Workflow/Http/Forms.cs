using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>Reads a posted form; a broken, oversized or overfull one is the sender's mistake (400/413), never a server error.</summary>
public static class Forms
{
    public static async Task<(IFormCollection? Form, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, null);
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Field(413, "body", "Permintaan terlalu besar / the request is too large"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Problems.Field(400, "body", $"Formulir tidak dapat dibaca / the form could not be read: {e.Message}"));
        }
    }
}
