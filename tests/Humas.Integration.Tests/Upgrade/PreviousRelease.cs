using System.Diagnostics;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Upgrade;

/// <summary>
/// An earlier revision of this repository checked out beside it as a detached git worktree, with the current
/// tree's node_modules linked in so that ./run needs no npm install. Removed again on dispose.
/// </summary>
public sealed class PreviousRelease : IDisposable
{
    private PreviousRelease(string revision, string commit, string path)
    {
        Revision = revision;
        Commit = commit;
        Path = path;
    }

    /// <summary>What the revision was given as (a sha, a tag, a branch).</summary>
    public string Revision { get; }

    /// <summary>The full sha it resolved to.</summary>
    public string Commit { get; }

    /// <summary>The worktree's folder.</summary>
    public string Path { get; }

    public static PreviousRelease CheckOut(string revision)
    {
        var root = RepoPaths.Root;
        var (found, commit, _) = Git(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (!found)
        {
            var (_, shallow, _) = Git(root, "rev-parse", "--is-shallow-repository");
            throw new InvalidOperationException(
                $"The revision '{revision}' to upgrade from is not in the repository at {root}"
                + (shallow == "true" ? " (a shallow clone: fetch the history with `git fetch --unshallow`)" : "")
                + ". Set HUMAS_UPGRADE_FROM to a commit, tag or branch it has.");
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"humas-upgrade-from-{commit[..10]}-{Guid.NewGuid().ToString("N")[..6]}");
        var (added, _, error) = Git(root, "worktree", "add", "--detach", path, commit);
        if (!added)
        {
            throw new InvalidOperationException($"git worktree add {path} {commit} failed: {error}");
        }
        var release = new PreviousRelease(revision, commit, path);
        try
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(path, "node_modules"), System.IO.Path.Combine(root, "node_modules"));
            return release;
        }
        catch
        {
            release.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The link first, so that nothing below can reach into the current tree's node_modules.
        var link = System.IO.Path.Combine(Path, "node_modules");
        if (new FileInfo(link).LinkTarget is not null)
        {
            File.Delete(link);
        }
        Git(RepoPaths.Root, "worktree", "remove", "--force", Path);
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
        Git(RepoPaths.Root, "worktree", "prune");
    }

    private static (bool Ok, string Output, string Error) Git(string directory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start git.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0, output.Result.Trim(), error.Trim());
    }
}
