using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Tests.Architecture;

/// <summary>
/// The folders of functions/Humas.Workflow use one another in one direction only: a cycle means neither side can be
/// read, tested or changed without the other. A page and its handler in one folder are one folder here.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Read(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow")));

    [Fact]
    public void No_folder_reaches_itself_through_others()
    {
        var cycles = Graph.Value.Cycles(_ => true);

        Assert.True(cycles.Count == 0,
            "Folders that reach themselves; break one use of each cycle:\n" + string.Join("\n", cycles.Select(Describe)));
    }

    private static string Describe(IReadOnlyList<FolderUse> cycle) =>
        $"{string.Join(" -> ", cycle.Select(u => u.From).Append(cycle[0].From))}: {string.Join(", ", cycle)}";
}
