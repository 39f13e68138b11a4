using System.Security.Cryptography;
using System.Text.Json;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// One local host identity (port, data folder, signing key, task hub) started again and again, each time with or
/// without a crash point, so that links emailed before a crash still work after it.
/// </summary>
public sealed class RestartableHost(string storage, SmtpSink smtp) : IAsyncDisposable
{
    public RestartableHost(SystemFixture fixture)
        : this(fixture.Azurite.ConnectionString, fixture.Smtp)
    {
    }

    private readonly int port = FreePorts.Next();
    private readonly string dataDir = Directory.CreateTempSubdirectory("humas-faults-").FullName;
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string hub = "faults" + Guid.NewGuid().ToString("N")[..8];
    private readonly string adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private LocalHostProcess? current;

    public LocalHostProcess Current => current ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync(string? crashPoint)
    {
        if (current is not null) await current.DisposeAsync();
        current = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            StorageConnectionString = storage, SmtpPort = smtp.Port, Port = port, DataDir = dataDir,
            AdminKey = adminKey,
            Environment = new Dictionary<string, string?>
            {
                ["Humas__LinkSigningKey"] = key,
                ["Humas__TaskHub"] = hub,
                ["Humas__Faults__CrashAfter"] = crashPoint,
                // Work a killed process had taken comes back after seconds, not the default minute.
                ["Humas__Engine__ControlQueueVisibilityTimeout"] = "00:00:10",
                ["Humas__Engine__WorkItemQueueVisibilityTimeout"] = "00:00:15",
            },
        });
    }

    public async Task KillAndRestartAsync(string? crashPoint)
    {
        var killed = Current.ProcessId;
        Current.KillHard();
        Assert.True(Current.HasExited);
        await StartAsync(crashPoint);
        Assert.NotEqual(killed, Current.ProcessId);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!Current.HasExited)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The host did not crash at its crash point. Log:\n{Current.LogTail()}");
            await Task.Delay(200);
        }
    }

    public Task StopAsync() => Current.StopAsync();

    public Task<ReceivedMail> MailAsync(string to, string title, string subject) =>
        smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subject), TimeSpan.FromSeconds(60));

    /// <param name="ticked">The checklist items the decider ticks.</param>
    public Task<HttpResponseMessage> DecideAsync(string link, string decision, IEnumerable<string>? ticked = null) =>
        Current.Http.PostAsync(link, new FormUrlEncodedContent(
            (ticked ?? []).Select(t => new KeyValuePair<string, string>("checklist", t)).Prepend(new("decision", decision))));

    public async Task<JsonDocument> StatusAsync(string id)
    {
        using var response = await Current.AdminHttp.GetAsync($"/api/submissions/{id}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task WaitForStatusAsync(string id, string status, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            using (var doc = await StatusAsync(id))
            {
                last = doc.RootElement.GetProperty("status").GetString();
                if (last == status) return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{id} is {last}, not {status}. Log:\n{Current.LogTail()}");
    }

    /// <summary>The engine's runtime status once it is no longer Running or Pending.</summary>
    public async Task<string> WaitForWorkflowEndAsync(string id, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string? runtime = null;
        while (DateTime.UtcNow < until)
        {
            using (var doc = await StatusAsync(id))
            {
                runtime = doc.RootElement.GetProperty("workflow").GetProperty("runtimeStatus").GetString();
                if (runtime is not ("Running" or "Pending")) return runtime!;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{id}'s workflow is still {runtime}. Log:\n{Current.LogTail()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (current is not null) await current.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
