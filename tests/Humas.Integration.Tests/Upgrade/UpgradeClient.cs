using System.Net;
using System.Text;
using System.Text.Json;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Upgrade;

/// <summary>
/// What the upgrade test does over HTTP and reads from the mail, against whichever release is listening on the
/// ports: the address and the admin key are the same before and after the upgrade.
/// </summary>
public sealed class UpgradeClient(string baseUrl, string adminKey, SmtpSink smtp) : IDisposable
{
    private readonly HttpClient http = Create(baseUrl, null);
    private readonly HttpClient admin = Create(baseUrl, adminKey);

    public string BaseUrl { get; } = baseUrl;

    public HttpClient Http => http;

    public SmtpSink Smtp { get; } = smtp;

    /// <summary>A JSON submission of news for the website; answers its id and the tracking link the submitter is given.</summary>
    public async Task<(string Id, string TrackingUrl)> SubmitAsync(string title, string submitter, DateTimeOffset? publishAt = null)
    {
        var json = JsonSerializer.Serialize(new
        {
            title, summary = "Ringkasan kegiatan", body = "Isi berita kegiatan.", contentType = "news", channels = new[] { "website" },
            track = "internal", region = "3374", team = "tim-kerja-3", submitterName = "Penguji Pemutakhiran", submitterEmail = submitter,
            publishAt = publishAt?.ToString("O"),
        });
        using var response = await http.PostAsync("/api/submissions", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/submissions: {(int)response.StatusCode} {body}");
        using var answer = JsonDocument.Parse(body);
        return (answer.RootElement.GetProperty("id").GetString()!, answer.RootElement.GetProperty("trackingUrl").GetString()!);
    }

    public Task<ReceivedMail> MailAsync(string to, string title, string subjectPart, int timeoutSeconds = 60) =>
        Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title, StringComparison.Ordinal) && m.Subject.Contains(subjectPart, StringComparison.Ordinal),
            TimeSpan.FromSeconds(timeoutSeconds));

    public static string LinkIn(ReceivedMail mail, string kind) => mail.Link($"/{kind}/");

    public async Task<HttpResponseMessage> DecideAsync(string link, string decision, string? comment = null)
    {
        var fields = new Dictionary<string, string> { ["decision"] = decision };
        if (comment is not null)
        {
            fields["comment"] = comment;
        }
        return await http.PostAsync(link, new FormUrlEncodedContent(fields));
    }

    public async Task<JsonDocument> StatusAsync(string id)
    {
        using var response = await admin.GetAsync($"/api/submissions/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/submissions/{id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>Polls the staff record until its status is <paramref name="status"/>.</summary>
    public async Task<JsonDocument> WaitForStatusAsync(string id, string status, int timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        string? last = null;
        while (true)
        {
            var doc = await StatusAsync(id);
            last = doc.RootElement.GetProperty("status").GetString();
            if (last == status)
            {
                return doc;
            }
            doc.Dispose();
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"{id} is {last}, not {status}, after {timeoutSeconds} s.");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Polls until the engine reports the instance no longer Running or Pending; answers that status.</summary>
    public async Task<string> WaitForWorkflowEndAsync(string id, int timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            using var doc = await StatusAsync(id);
            var runtime = doc.RootElement.TryGetProperty("workflow", out var workflow) && workflow.ValueKind == JsonValueKind.Object
                ? workflow.GetProperty("runtimeStatus").GetString() : null;
            if (runtime is not (null or "Running" or "Pending") || DateTime.UtcNow >= until)
            {
                return runtime ?? "unknown";
            }
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        http.Dispose();
        admin.Dispose();
    }

    // No redirects followed: a link's first answer is what the test judges.
    private static HttpClient Create(string baseUrl, string? adminKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (adminKey is not null)
        {
            client.DefaultRequestHeaders.Add(LocalHostProcess.AdminKeyHeader, adminKey);
        }
        return client;
    }
}
