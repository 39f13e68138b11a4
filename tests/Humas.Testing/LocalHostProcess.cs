using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// The local host (Humas.LocalHost.dll) as a real child process, the way an operator runs it, so
/// tests can kill it hard and start it again over the same storage.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string AdminKeyHeader = "x-functions-key";

    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(15);

    // A test that is done with the host should not wait long for a clean shutdown.
    private static readonly TimeSpan DisposeStopTimeout = TimeSpan.FromSeconds(5);

    private readonly LocalHostOptions options;
    private readonly string dllPath;
    private readonly bool ownsDataDir;
    private readonly ProcessLog log;
    private readonly Dictionary<string, string?> environment;
    private Process? process;

    private LocalHostProcess(LocalHostOptions options)
    {
        this.options = options;
        dllPath = Path.GetFullPath(options.DllPath ?? RepoPaths.LocalHostDll);
        Port = options.Port ?? FreePorts.Next();
        ownsDataDir = options.DataDir is null;
        DataDir = options.DataDir is null
            ? Directory.CreateTempSubdirectory("humas-localhost-").FullName
            : Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(DataDir);
        BaseUrl = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
        log = new ProcessLog(ProcessLog.NewPath($"localhost-{Port}"));
        environment = BuildEnvironment();
        Http = CreateClient(adminKey: null);
        AdminHttp = CreateClient(options.AdminKey);
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public int Port { get; }

    public string DataDir { get; }

    public string AdminKey => options.AdminKey;

    /// <summary>A client on <see cref="BaseUrl"/> that does not follow redirects (tests see the 303s).</summary>
    public HttpClient Http { get; }

    /// <summary>Like <see cref="Http"/>, sending the admin key as the x-functions-key header.</summary>
    public HttpClient AdminHttp { get; }

    /// <summary>The variables this class sets for the child, on top of the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment => environment;

    public string LogPath => log.Path;

    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The local host is not started.");

    public bool HasExited => process is null || process.HasExited;

    /// <summary>Starts the local host and waits until GET /api/health answers 200.</summary>
    public static async Task<LocalHostProcess> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        var host = Start(options);
        try
        {
            await host.WaitHealthyAsync(cancellationToken: cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the local host without waiting for it, for tests of how it starts up.</summary>
    public static LocalHostProcess Start(LocalHostOptions options)
    {
        var host = new LocalHostProcess(options);
        try
        {
            host.Launch();
            return host;
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Polls GET /api/health until it answers 200; fails early, with the log tail, if the process exits.</summary>
    public async Task WaitHealthyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? options.StartupTimeout;
        var deadline = DateTime.UtcNow + limit;
        var started = process ?? throw new InvalidOperationException("The local host is not started.");
        var lastAnswer = "no answer yet";
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (started.HasExited)
            {
                started.WaitForExit();
                throw new InvalidOperationException(
                    $"The local host exited with code {started.ExitCode} before it was healthy. Log {log.Path}:{System.Environment.NewLine}{LogTail()}");
            }
            try
            {
                using var response = await probe.GetAsync($"{BaseUrl}/api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    EnsureOwnsPort(started);
                    return;
                }
                lastAnswer = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastAnswer = e.Message;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"The local host was not healthy within {limit.TotalSeconds} s (last: {lastAnswer}). Log {log.Path}:{System.Environment.NewLine}{LogTail()}");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>SIGKILL to the local host and all its children, as a power cut would.</summary>
    public void KillHard()
    {
        if (process is not null)
        {
            ChildProcesses.KillTree(process);
            log.Mark("killed (SIGKILL)");
        }
    }

    /// <summary>SIGTERM and wait for a clean shutdown; SIGKILL if it takes longer than 15 s.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopAsync(GracefulStopTimeout, cancellationToken);

    private async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        log.Mark("stopping (SIGTERM)");
        if (ChildProcesses.Terminate(process))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                log.Mark($"no exit within {grace.TotalSeconds} s");
            }
        }
        KillHard();
    }

    /// <summary>Starts it again with the same environment, port and data folder, and waits until healthy.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        Launch();
        await WaitHealthyAsync(cancellationToken: cancellationToken);
    }

    public string LogTail(int lines = 60) => log.Tail(lines);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(DisposeStopTimeout, CancellationToken.None);
        }
        finally
        {
            process?.Dispose();
            Http.Dispose();
            AdminHttp.Dispose();
            log.Dispose();
            if (ownsDataDir)
            {
                TryDelete(DataDir);
            }
        }
    }

    private void Launch()
    {
        if (process is not null && !process.HasExited)
        {
            throw new InvalidOperationException("The local host is already running.");
        }
        // Refuse to start beside some other server on our port: health checks would reach it instead.
        if (FreePorts.IsAccepting(Port))
        {
            throw new InvalidOperationException($"Port {Port} is already in use by another program.");
        }

        // The working folder is the assembly's own, so that its appsettings.json and static files
        // are found the same way whoever starts it.
        var startInfo = new ProcessStartInfo(DotnetHost) { WorkingDirectory = Path.GetDirectoryName(dllPath)! };
        startInfo.ArgumentList.Add(dllPath);
        // Settings of the developer's shell must not leak into the test's host.
        foreach (var key in startInfo.Environment.Keys.Where(IsOurSetting).ToList())
        {
            startInfo.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }
        log.Capture(startInfo);
        log.Mark($"starting {dllPath} on {BaseUrl}");
        process = ChildProcesses.Start(startInfo);
        log.BeginReading(process);
    }

    // The same dotnet that runs the tests, when the test runner says which one that is.
    private static string DotnetHost =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private Dictionary<string, string?> BuildEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["AzureWebJobsStorage"] = options.StorageConnectionString,
            ["Humas__DataDir"] = DataDir,
            ["Humas__PublicBaseUrl"] = BaseUrl,
            ["Humas__AdminKey"] = options.AdminKey,
            ["Humas__Smtp__Host"] = options.SmtpHost,
            ["Humas__Smtp__Port"] = options.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Humas__Smtp__From"] = options.SmtpFrom,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in options.Environment)
        {
            variables[key] = value;
        }
        return variables;
    }

    private static bool IsOurSetting(string key) =>
        key.StartsWith("Humas__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase);

    private HttpClient CreateClient(string? adminKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (adminKey is not null)
        {
            client.DefaultRequestHeaders.Add(AdminKeyHeader, adminKey);
        }
        return client;
    }

    private void EnsureOwnsPort(Process started)
    {
        if (ListeningSockets.CanCheck && !ListeningSockets.IsOwnedBy(started.Id, Port))
        {
            throw new InvalidOperationException($"{BaseUrl} answers, but not from the local host this test started (pid {started.Id}).");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder.
        }
    }
}
