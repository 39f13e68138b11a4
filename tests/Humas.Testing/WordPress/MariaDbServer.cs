using System.Diagnostics;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// A MariaDB of one test site's own: its data folder and socket in the site's folder, no TCP port, and no grant tables
/// (nothing but the site's PHP can reach the socket, so no accounts are worth making; skipping mariadb-install-db
/// saves seconds). Stopped by SIGTERM to its own pid, as a service manager stops it.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/mariadbd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    // sockaddr_un holds 108 bytes with the closing zero.
    private const int SocketPathLimit = 107;

    private readonly ProcessLog log;
    private Process? process;

    private MariaDbServer(string folder)
    {
        DataFolder = Path.Combine(folder, "db");
        Socket = Path.Combine(folder, "db.sock");
        log = new ProcessLog(ProcessLog.NewPath("mariadb"));
    }

    public string DataFolder { get; }
    public string Socket { get; }
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("MariaDB is not started.");
    public string LogPath => log.Path;

    public static async Task<MariaDbServer> StartAsync(string folder, CancellationToken cancellationToken = default)
    {
        var server = new MariaDbServer(folder);
        try
        {
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (Socket.Length >= SocketPathLimit)
            throw new InvalidOperationException($"The socket path {Socket} is {Socket.Length} characters; a Unix socket takes fewer than {SocketPathLimit}.");
        Directory.CreateDirectory(DataFolder);
        var startInfo = new ProcessStartInfo(Binary);
        foreach (var argument in new[]
                 {
                     "--no-defaults", $"--datadir={DataFolder}", $"--socket={Socket}", $"--pid-file={Path.Combine(DataFolder, "mariadb.pid")}",
                     "--skip-networking", "--skip-grant-tables", $"--user={Environment.UserName}", "--skip-log-bin",
                     // A throwaway database: small files, no waiting on the disk.
                     "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=8M", "--innodb-data-file-path=ibdata1:4M:autoextend",
                     "--innodb-temp-data-file-path=ibtmp1:4M:autoextend", "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0",
                     "--performance-schema=OFF",
                 })
            startInfo.ArgumentList.Add(argument);
        log.Capture(startInfo);
        log.Mark($"starting {Binary} {string.Join(' ', startInfo.ArgumentList)}");
        process = ChildProcesses.Start(startInfo);
        log.BeginReading(process);

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!log.Contains("ready for connections"))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"MariaDB exited with code {process.ExitCode} while starting.{Environment.NewLine}{log.Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"MariaDB was not ready within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{log.Tail()}");
            await Task.Delay(50, cancellationToken);
        }
    }

    public string LogTail(int lines = 40) => log.Tail(lines);

    /// <summary>SIGTERM to the server's pid and a wait for its clean shutdown; SIGKILL only if it does not come.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (ChildProcesses.Terminate(process))
            {
                log.Mark("stopping (SIGTERM)");
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    log.Mark($"no exit within {StopTimeout.TotalSeconds} s");
                }
            }
            ChildProcesses.KillTree(process);
            process.Dispose();
        }
        log.Dispose();
    }
}
