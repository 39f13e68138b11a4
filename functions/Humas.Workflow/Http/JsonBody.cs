using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

/// <summary>
/// Reads a staff endpoint's JSON body whole, up to a limit, and refuses what is not one well-formed UTF-8 JSON document
/// (too large: 413; broken, too deep or not UTF-8: 400 naming <c>body</c>), so that handlers only ever see JSON.
/// </summary>
public static class JsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Refused)> ReadAsync(HttpContext http, int limit, int maxDepth = 16)
    {
        var request = http.Request;
        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.Field(415, "body", "Kirim application/json / send application/json"));
        if (await ReadBytesAsync(request, limit, http.RequestAborted) is not { } bytes)
            return (null, Problems.Field(413, "body", $"JSON paling besar {limit / 1024} KB / at most {limit / 1024} KB"));
        // The JSON reader passes invalid UTF-8 inside strings through; reading such a string later would throw.
        if (!Utf8.IsValid(bytes.Span)) return (null, Problems.Field(400, "body", "JSON harus UTF-8 yang sah / JSON must be valid UTF-8"));
        try
        {
            return (JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = maxDepth }), null);
        }
        catch (JsonException)
        {
            return (null, Problems.Field(400, "body", "JSON tidak valid / not valid JSON"));
        }
    }

    /// <summary>
    /// The whole body, or null when it is longer than the limit, as declared or as sent: the read stops at the limit, so
    /// a body without a length cannot make the app hold more than the limit.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadBytesAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        var buffer = new MemoryStream();
        try
        {
            await new LimitedStream(request.Body, limit).CopyToAsync(buffer, ct);
        }
        catch (LimitExceeded)
        {
            return null;
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
