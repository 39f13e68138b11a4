using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// Every recorded history of every workflow version must replay on the orchestrators of this build: an instance
/// waiting at that point when the release ships would otherwise fail or take a different path.
/// </summary>
public sealed class ReplayTests
{
    private const string NoFixture = "(no fixture found)";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Replay", "Histories");

    public static IEnumerable<object[]> Fixtures()
    {
        var files = Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
        // A theory without data would not fail in every runner; one row that fails does.
        return files.Count == 0 ? [[NoFixture]] : files.Select(f => new object[] { f });
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Recorded_history_replays_on_the_current_orchestrators(string fixture)
    {
        Assert.False(fixture == NoFixture, $"No history fixture under {Folder}: are Replay/Histories/**/*.json copied to the output?");
        var report = HistoryReplayer.Replay(fixture, HistoryRows.Load(Path.Combine(Folder, fixture)));
        if (!report.Passed) Assert.Fail(report.Failure);
        Assert.True(report.Matched > 1, $"{fixture}: only {report.Matched} episode(s); a fixture stops at a wait after a few.");
    }

    [Fact]
    public void Every_version_has_a_history_of_every_wait()
    {
        var versions = Directory.Exists(Folder) ? Directory.GetDirectories(Folder).Select(Path.GetFileName).ToList() : [];
        Assert.NotEmpty(versions);
        // Every version this release still runs keeps its fixtures; a retired one takes its folder with it.
        for (var v = WorkflowVersions.Oldest; v <= WorkflowVersions.Current; v++)
            Assert.Contains(RecordedWaits.Folder(v), versions);
        foreach (var version in versions)
        {
            Assert.True(RecordedWaits.ByVersion.TryGetValue(version!, out var waits), $"{version} is no workflow version this release knows.");
            var missing = waits.Where(w => !File.Exists(Path.Combine(Folder, version!, w + ".json"))).ToList();
            Assert.True(missing.Count == 0, $"{version} has no history of {string.Join(", ", missing)}.");
        }
    }
}
