using System.Diagnostics;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// Everything a child process prints, kept in a file for reading after a failed run and in a
/// short in-memory tail for putting into exception messages.
/// </summary>
public sealed class ProcessLog : IDisposable
{
    private const int TailCapacity = 400;

    private readonly Queue<string> tail = new();
    private readonly StreamWriter writer;
    private readonly object gate = new();

    public ProcessLog(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string Path { get; }

    /// <summary>Where logs of processes started by the tests go: beside the test assembly.</summary>
    public static string DefaultFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "logs");

    private static readonly Lazy<bool> OldLogsRemoved = new(RemoveOldLogs);

    public static string NewPath(string name)
    {
        _ = OldLogsRemoved.Value;
        return System.IO.Path.Combine(DefaultFolder, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.log");
    }

    // Every run adds a few files; those of earlier days are no longer of use to anyone.
    private static bool RemoveOldLogs()
    {
        if (!Directory.Exists(DefaultFolder))
        {
            return true;
        }
        foreach (var file in new DirectoryInfo(DefaultFolder).EnumerateFiles("*.log").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
        {
            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Still open elsewhere: next time.
            }
        }
        return true;
    }

    /// <summary>Call before Process.Start; reading begins with <see cref="BeginReading"/>.</summary>
    public void Capture(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
    }

    public void BeginReading(Process process)
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Write(string line)
    {
        lock (gate)
        {
            tail.Enqueue(line);
            while (tail.Count > TailCapacity)
            {
                tail.Dequeue();
            }
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A late line from a process being torn down; the tail still has it.
            }
        }
    }

    public void Mark(string text) => Write($"----- {DateTime.UtcNow:O} {text} -----");

    public string Tail(int lines = 60)
    {
        lock (gate)
        {
            return string.Join(Environment.NewLine, tail.Skip(Math.Max(0, tail.Count - lines)));
        }
    }

    public bool Contains(string text)
    {
        lock (gate)
        {
            return tail.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }
}
