using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Text;
using System.Text.Json;
using System.Web;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// An in-process HTTP server on a free port that answers as a real service's API does (WireMock.Net), keeps what
/// it was sent, and can be told to fail the next few requests to a path.
/// </summary>
public abstract class ProtocolStub : IDisposable
{
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> failures = new();
    private readonly object gate = new();

    protected ProtocolStub()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                lock (gate)
                {
                    if (failures.TryPeek(out var f) && f.Method == request.Method && request.Path.EndsWith(f.Path, StringComparison.Ordinal))
                    {
                        failures.TryDequeue(out _);
                        return Reply(f.Status, new { error = new { message = "Service Unavailable", code = f.Status } });
                    }
                    return Answer(request);
                }
            }));
    }

    public WireMockServer Server { get; }
    public string Url => Server.Urls[0];

    /// <summary>Every request the stub received, in order.</summary>
    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(e => e.RequestMessage).OrderBy(r => r.DateTime).ToList();

    public IReadOnlyList<IRequestMessage> Sent(string method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    /// <summary>The next <paramref name="times"/> requests to a path answer <paramref name="status"/>.</summary>
    public void Fail(string method, string pathEnd, int status, int times = 1)
    {
        for (var i = 0; i < times; i++) failures.Enqueue((method, pathEnd, status));
    }

    protected abstract IResponseMessage Answer(IRequestMessage request);

    public static string? Header(IRequestMessage r, string name) =>
        r.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // WireMock splits a query value at commas; the value as sent is the parts joined again.
    public static string? Query(IRequestMessage r, string name) =>
        r.Query?.FirstOrDefault(q => q.Key.Equals(name, StringComparison.Ordinal)).Value is { } values ? string.Join(",", values) : null;

    public static byte[] Bytes(IRequestMessage r) => r.BodyAsBytes ?? r.BodyData?.BodyAsBytes ?? Encoding.UTF8.GetBytes(r.Body ?? "");

    public static NameValueCollection Form(IRequestMessage r) => HttpUtility.ParseQueryString(Encoding.UTF8.GetString(Bytes(r)));

    public static JsonElement Json(IRequestMessage r) => JsonDocument.Parse(Bytes(r)).RootElement.Clone();

    protected static ResponseMessage Reply(int status, object? json = null, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage { StatusCode = status };
        if (json is not null)
        {
            response.BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(json), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
            response.AddHeader("Content-Type", "application/json; charset=UTF-8");
        }
        foreach (var (name, value) in headers) response.AddHeader(name, value);
        return response;
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
