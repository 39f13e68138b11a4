using System.Diagnostics;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// PHP's built-in web server on a loopback port with a router script. One worker: with several, PHP forks children that
/// outlive a killed parent, and a test must stop exactly what it started.
/// </summary>
public sealed class PhpBuiltInServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/php";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For the server and the command line alike: no mail server here; warnings to stderr, the log, and never into an
    /// answer (display_errors=stderr means stderr for the cli SAPI only; the server's SAPI prints it into the page).
    /// </summary>
    public static readonly string[] Settings =
    [
        "-d", "sendmail_path=/bin/true", "-d", "display_errors=Off", "-d", "log_errors=On", "-d", "error_log=",
        "-d", "post_max_size=64M", "-d", "upload_max_filesize=64M", "-d", "memory_limit=256M",
    ];

    private readonly ProcessLog log;
    private Process? process;

    private PhpBuiltInServer(int port)
    {
        Port = port;
        log = new ProcessLog(ProcessLog.NewPath($"php-{port}"));
    }

    public int Port { get; }
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("PHP is not started.");
    public bool HasExited => process is null || process.HasExited;
    public string LogPath => log.Path;

    public static async Task<PhpBuiltInServer> StartAsync(int port, string documentRoot, string router, CancellationToken cancellationToken = default)
    {
        var server = new PhpBuiltInServer(port);
        try
        {
            await server.LaunchAsync(documentRoot, router, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task LaunchAsync(string documentRoot, string router, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Binary) { WorkingDirectory = Path.GetDirectoryName(router)! };
        foreach (var argument in Settings.Concat(["-S", $"127.0.0.1:{Port}", "-t", documentRoot, router])) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Remove("PHP_CLI_SERVER_WORKERS");
        log.Capture(startInfo);
        log.Mark($"starting {Binary} {string.Join(' ', startInfo.ArgumentList)}");
        process = ChildProcesses.Start(startInfo);
        log.BeginReading(process);

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await FreePorts.IsAcceptingAsync(Port, cancellationToken))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"PHP exited with code {process.ExitCode} while starting.{Environment.NewLine}{log.Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"PHP did not listen on {Port} within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{log.Tail()}");
            await Task.Delay(50, cancellationToken);
        }
        if (ListeningSockets.CanCheck && !ListeningSockets.IsOwnedBy(process.Id, Port))
            throw new InvalidOperationException($"Port {Port} answers, but not from the PHP this test started (pid {process.Id}).");
    }

    public string LogTail(int lines = 40) => log.Tail(lines);

    public ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            ChildProcesses.KillTree(process);
            process.Dispose();
        }
        log.Dispose();
        return ValueTask.CompletedTask;
    }
}
