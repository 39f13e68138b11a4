using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Upgrade;

/// <summary>
/// A tree's ./run as a user runs it: in a session of its own, stopped with Ctrl-C (SIGINT to its process group),
/// which makes it stop everything it started.
/// </summary>
public sealed class RunScript : IAsyncDisposable
{
    public const string RunningLine = "Humas is running.";

    private const int SigInt = 2;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PortsFreeTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string dataDir;

    private RunScript(Process process, string tree, string dataDir, RunPorts ports, string logPath)
    {
        this.process = process;
        this.dataDir = dataDir;
        Tree = tree;
        Ports = ports;
        LogPath = logPath;
    }

    public string Tree { get; }

    public RunPorts Ports { get; }

    /// <summary>What ./run printed (its own lines, the build's summary, the local host's output).</summary>
    public string LogPath { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>tree/run</c>; <paramref name="settings"/> are added to (and win over) what ./run sets itself.</summary>
    public static RunScript Start(string tree, string dataDir, RunPorts ports, IReadOnlyDictionary<string, string> settings, string name)
    {
        var logPath = ProcessLog.NewPath($"run-{name}");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        // setsid gives ./run a session and process group of its own, as a terminal would; its output goes to a file,
        // not to a pipe, so that a build server it leaves behind cannot keep this test waiting for the pipe's end.
        var startInfo = new ProcessStartInfo("setsid") { WorkingDirectory = tree, UseShellExecute = false };
        foreach (var argument in new[] { "bash", "-c", "exec ./run >>\"$1\" 2>&1 </dev/null", "run", logPath })
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var key in startInfo.Environment.Keys.Where(Inherited).ToList())
        {
            startInfo.Environment.Remove(key);
        }
        startInfo.Environment["HUMAS_DATA"] = dataDir;
        startInfo.Environment["HUMAS_START_TIMEOUT"] = "180";
        // A build node kept for reuse would outlive ./run and hold on to the files of the tree being removed.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in ports.Variables.Concat(settings))
        {
            startInfo.Environment[key] = value;
        }
        var process = ChildProcesses.Start(startInfo);
        var run = new RunScript(process, tree, dataDir, ports, logPath);
        run.EnsureOwnSession();
        return run;
    }

    /// <summary>Waits until ./run says Humas is running and GET /api/health answers 200.</summary>
    public async Task WaitRunningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"./run in {Tree} exited with code {process.ExitCode} before Humas was running.{Environment.NewLine}{Logs()}");
            }
            if (ReadLog().Contains(RunningLine, StringComparison.Ordinal))
            {
                try
                {
                    using var response = await probe.GetAsync($"{Ports.BaseUrl}/api/health", cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Not answering yet.
                }
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"./run in {Tree} was not running within {timeout.TotalSeconds} s.{Environment.NewLine}{Logs()}");
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Ctrl-C, then waits until ./run has exited and every one of its ports is free again.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            _ = kill(-process.Id, SigInt);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Its children are still its children: the tree can be found and killed.
                ChildProcesses.KillTree(process);
                throw new TimeoutException($"./run in {Tree} did not stop within {StopTimeout.TotalSeconds} s of SIGINT; killed.{Environment.NewLine}{Logs()}");
            }
        }
        ChildProcesses.Forget(process);
        var deadline = DateTime.UtcNow + PortsFreeTimeout;
        while (true)
        {
            var busy = new List<int>();
            foreach (var port in Ports.All)
            {
                if (await FreePorts.IsAcceptingAsync(port))
                {
                    busy.Add(port);
                }
            }
            if (busy.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"./run in {Tree} exited but ports {string.Join(", ", busy)} still accept connections.{Environment.NewLine}{Logs()}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>The tail of ./run's output and of the local host's log in the data folder, for failure messages.</summary>
    public string Logs()
    {
        var lines = ReadLog().Split('\n');
        var host = Path.Combine(dataDir, "logs", "localhost.log");
        var hostLines = File.Exists(host) ? ReadShared(host).Split('\n') : [];
        return $"--- {LogPath} (last lines) ---{Environment.NewLine}{string.Join('\n', lines.TakeLast(40))}"
            + $"{Environment.NewLine}--- {host} (last lines) ---{Environment.NewLine}{string.Join('\n', hostLines.TakeLast(40))}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await StopAsync();
            }
        }
        catch (TimeoutException)
        {
            // Already killed; the test has failed for a reason of its own, which is the one to report.
        }
        finally
        {
            ChildProcesses.KillTree(process);
            process.Dispose();
        }
    }

    private string ReadLog() => File.Exists(LogPath) ? ReadShared(LogPath) : "";

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // setsid forks when its caller already leads a process group, and the pid in hand would then not be ./run's.
    // The child needs a moment to get from the fork to setsid(), so the session is looked at until it changes.
    private void EnsureOwnSession()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var session = -1;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
                session = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                break; // gone
            }
            if (session == process.Id)
            {
                return;
            }
            Thread.Sleep(20);
        }
        ChildProcesses.KillTree(process);
        throw new InvalidOperationException($"./run (pid {process.Id}) did not get a session of its own (session {session}).");
    }

    private static bool Inherited(string key) =>
        key.StartsWith("Humas__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("HUMAS_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
