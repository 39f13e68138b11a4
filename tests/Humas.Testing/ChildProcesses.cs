using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>
/// Keeps track of the servers the tests start, so that a test run which ends without disposing
/// them (a crashed fixture, Ctrl-C) does not leave Azurite or a local host running.
/// </summary>
public static class ChildProcesses
{
    private const int SigTerm = 15;

    private static readonly HashSet<Process> Running = [];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public static Process Start(ProcessStartInfo startInfo)
    {
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        lock (Running)
        {
            Running.Add(process);
        }
        return process;
    }

    /// <summary>SIGKILL to the process and everything it started; waits until it is gone.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        Forget(process);
    }

    /// <summary>SIGTERM, so the process can shut down as it would under a service manager; false if it could not be sent.</summary>
    public static bool Terminate(Process process)
    {
        try
        {
            return !process.HasExited && kill(process.Id, SigTerm) == 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static void Forget(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    private static void KillAll()
    {
        Process[] all;
        lock (Running)
        {
            all = [.. Running];
        }
        foreach (var process in all)
        {
            KillTree(process);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
