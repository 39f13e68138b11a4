using System.Net.Http.Headers;
using System.Text;

namespace Humas.Integration.Tests.Hostile;

/// <summary>A multipart body written byte by byte, so that it can be broken in ways HttpClient would never produce.</summary>
public sealed class RawMultipart(string boundary = "hostile-boundary")
{
    private readonly MemoryStream body = new();

    public string Boundary { get; } = boundary;

    public RawMultipart Part(string headers, byte[] content)
    {
        Write($"--{Boundary}\r\n{headers}\r\n\r\n");
        body.Write(content);
        Write("\r\n");
        return this;
    }

    public RawMultipart Field(string name, string value) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    public RawMultipart Fields(IDictionary<string, string> fields)
    {
        foreach (var (k, v) in fields) Field(k, v);
        return this;
    }

    /// <summary>A file part; <paramref name="disposition"/> replaces the usual filename parameter when given.</summary>
    public RawMultipart File(string fileName, string contentType, byte[] content, string field = "media", string? disposition = null) =>
        Part($"Content-Disposition: form-data; name=\"{field}\"; {disposition ?? $"filename=\"{fileName}\""}\r\nContent-Type: {contentType}", content);

    public RawMultipart Raw(string text)
    {
        Write(text);
        return this;
    }

    public RawMultipart Close()
    {
        Write($"--{Boundary}--\r\n");
        return this;
    }

    /// <summary>The body with the Content-Type header given as is (it may lie about the boundary).</summary>
    public HttpContent Content(string? contentType = null)
    {
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? $"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));

    public static HttpContent Json(string json, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static HttpContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
