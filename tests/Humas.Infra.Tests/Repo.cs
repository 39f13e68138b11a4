using System.Diagnostics;
using System.Reflection;

namespace Humas.Infra.Tests;

/// <summary>Where the repository and the Bicep CLI (from its NuGet package) are.</summary>
internal static class Repo
{
    public static string Root { get; } = Metadata("RepoRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string Profiles => Path.Combine(Root, "functions", "Humas.Workflow", "Profiles");

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");

    private static readonly Lazy<string> BicepBinary = new(() =>
    {
        var path = Metadata("BicepPath");
        Assert.True(File.Exists(path), $"Bicep CLI not found at {path}; restore the Azure.Bicep.CommandLine.linux-x64 package.");
        // NuGet does not keep the executable bit when it extracts a package.
        if (OperatingSystem.IsWindows()) return path;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    });

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Bicep(params string[] args)
    {
        var start = new ProcessStartInfo(BicepBinary.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Infra,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // No telemetry and no first-run work: the checks run offline.
        start.Environment["BICEP_TELEMETRY_DISABLED"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
