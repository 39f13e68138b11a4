using System.Diagnostics;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// An Azurite of the test's own, on free loopback ports: in memory, or persisted in a folder so a
/// test can kill it and start it again over the same data.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's fixed, publicly documented development key: not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int PortAttempts = 3;

    private readonly string workingDirectory;
    private readonly ProcessLog log;
    private Process? process;

    private readonly bool tuned;

    private AzuriteProcess(string? location, string? debugLog, bool tuned, int blobPort, int queuePort, int tablePort)
    {
        this.tuned = tuned;
        Location = location is null ? null : Path.GetFullPath(location);
        DebugLog = debugLog is null ? null : Path.GetFullPath(debugLog);
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        // Azurite writes small bookkeeping files into its working folder even in memory mode.
        workingDirectory = Directory.CreateTempSubdirectory("humas-azurite-").FullName;
        log = new ProcessLog(ProcessLog.NewPath($"azurite-{blobPort}"));
    }

    /// <summary>Null when the data lives in memory only.</summary>
    public string? Location { get; }

    /// <summary>Azurite's debug log (a line per request and more), or null when it keeps none.</summary>
    public string? DebugLog { get; }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public int ProcessId => process?.Id ?? throw new InvalidOperationException("Azurite is not started.");
    public bool HasExited => process is null || process.HasExited;
    public string LogPath => log.Path;

    /// <summary>With explicit endpoints, since the ports are not Azurite's standard ones.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite and returns once all three services accept connections and are owned by it.
    /// </summary>
    /// <param name="location">A folder to persist into (kept across <see cref="RestartAsync"/>); null for in-memory.</param>
    public static Task<AzuriteProcess> StartAsync(string? location = null, CancellationToken cancellationToken = default) =>
        StartAsync(location, debugLog: null, cancellationToken);

    /// <summary>As <see cref="StartAsync(string?, CancellationToken)"/>, writing Azurite's debug log to <paramref name="debugLog"/> (benchmarks count requests from it).</summary>
    public static Task<AzuriteProcess> StartAsync(string? location, string? debugLog, CancellationToken cancellationToken = default) =>
        StartAsync(location, debugLog, tuned: true, cancellationToken);

    /// <summary>As Azurite runs everywhere here (<paramref name="tuned"/>: with functions/Humas.LocalHost/Azurite/lokijs-tuning.js) or as npm installs it.</summary>
    public static async Task<AzuriteProcess> StartAsync(string? location, string? debugLog, bool tuned, CancellationToken cancellationToken = default)
    {
        if (location is not null)
        {
            Directory.CreateDirectory(location);
        }
        Exception? last = null;
        // Another program can take a port between choosing it and Azurite binding it; new ports then.
        for (var attempt = 0; attempt < PortAttempts; attempt++)
        {
            var azurite = new AzuriteProcess(location, debugLog, tuned, FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
            try
            {
                await azurite.LaunchAsync(cancellationToken);
                return azurite;
            }
            catch (PortTakenException e)
            {
                last = e;
                await azurite.DisposeAsync();
            }
            catch
            {
                await azurite.DisposeAsync();
                throw;
            }
        }
        throw new InvalidOperationException($"Azurite could not get free ports in {PortAttempts} attempts.", last);
    }

    /// <summary>
    /// SIGKILL, as a crash would. Azurite saves its metadata every 5 s, so with --location the
    /// writes of the last few seconds are lost, as they would be in a real crash of the emulator.
    /// </summary>
    public void Kill()
    {
        if (process is not null)
        {
            ChildProcesses.KillTree(process);
            log.Mark("killed (SIGKILL)");
        }
    }

    /// <summary>SIGTERM: Azurite closes its services and saves its metadata; SIGKILL if it takes too long.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        log.Mark("stopping (SIGTERM)");
        if (ChildProcesses.Terminate(process))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                log.Mark($"no exit within {StopTimeout.TotalSeconds} s");
            }
        }
        Kill();
    }

    /// <summary>Starts it again on the same ports and folder, stopping it cleanly first if it still runs.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    /// <summary>
    /// Starts it again on the same ports and folder after <see cref="StopAsync"/> or <see cref="Kill"/>, so a test can
    /// keep storage away for a while in between.
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (!HasExited) throw new InvalidOperationException("Azurite still runs; stop or kill it first.");
        await LaunchAsync(cancellationToken);
    }

    public string LogTail(int lines = 40) => log.Tail(lines);

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        log.Dispose();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (await FreePorts.IsAcceptingAsync(port, cancellationToken))
            {
                throw new PortTakenException($"Port {port} is already in use by another program.");
            }
        }

        var startInfo = new ProcessStartInfo(RepoPaths.AzuriteBinary) { WorkingDirectory = workingDirectory };
        if (tuned)
        {
            startInfo.Environment["NODE_OPTIONS"] = $"--require \"{RepoPaths.AzuritePreload}\"";
        }
        foreach (var argument in Arguments())
        {
            startInfo.ArgumentList.Add(argument);
        }
        log.Capture(startInfo);
        log.Mark($"starting azurite {string.Join(' ', startInfo.ArgumentList)}");
        process = ChildProcesses.Start(startInfo);
        log.BeginReading(process);

        await WaitUntilListeningAsync(process, cancellationToken);
    }

    private IEnumerable<string> Arguments()
    {
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--queueHost";
        yield return "127.0.0.1";
        yield return "--queuePort";
        yield return QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--tableHost";
        yield return "127.0.0.1";
        yield return "--tablePort";
        yield return TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The storage SDKs in use send API versions newer than Azurite 3.37 knows.
        yield return "--skipApiVersionCheck";
        yield return "--disableTelemetry";
        yield return "--silent";
        if (DebugLog is not null)
        {
            yield return "--debug";
            yield return DebugLog;
        }
        if (Location is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            yield return "--location";
            yield return Location;
        }
    }

    private async Task WaitUntilListeningAsync(Process started, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var ports = new[] { BlobPort, QueuePort, TablePort };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (started.HasExited)
            {
                started.WaitForExit();
                var message = $"Azurite exited with code {started.ExitCode} while starting.{Environment.NewLine}{log.Tail()}";
                if (log.Contains("EADDRINUSE"))
                {
                    throw new PortTakenException(message);
                }
                throw new InvalidOperationException(message);
            }
            var accepting = true;
            foreach (var port in ports)
            {
                accepting &= await FreePorts.IsAcceptingAsync(port, cancellationToken);
            }
            if (accepting)
            {
                break;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not listen on {string.Join(", ", ports)} within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{log.Tail()}");
            }
            await Task.Delay(100, cancellationToken);
        }

        if (ListeningSockets.CanCheck)
        {
            var foreign = ports.Where(port => !ListeningSockets.IsOwnedBy(started.Id, port)).ToList();
            if (foreign.Count > 0)
            {
                throw new PortTakenException($"Port(s) {string.Join(", ", foreign)} answer, but not from the Azurite this test started (pid {started.Id}).");
            }
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
