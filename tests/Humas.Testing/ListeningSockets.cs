using System.Globalization;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// Tells which process owns a listening TCP port, from /proc, so that a test never talks to a
/// server left over from another run that happens to sit on the port it picked.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>False when /proc is not there to ask (not Linux); the caller then skips the check.</summary>
    public static bool CanCheck => File.Exists("/proc/net/tcp");

    public static bool IsOwnedBy(int pid, int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return false;
        }
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && inodes.Contains(target["socket:[".Length..^1]))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            // The process is gone (or its fds vanished while being read): it does not own the port.
        }
        return false;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != ListenState)
                {
                    continue;
                }
                var local = fields[1];
                var localPort = int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (localPort == port)
                {
                    inodes.Add(fields[9]);
                }
            }
        }
        return inodes;
    }
}
