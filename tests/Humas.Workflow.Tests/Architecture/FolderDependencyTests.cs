using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Tests.Architecture;

/// <summary>
/// The folders of functions/Humas.Workflow use one another in one direction only: a cycle means neither side can be
/// read, tested or changed without the other. A page and its handler in one folder are one folder here.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// The uses that still close a cycle, each for its reason; nothing else may. Take an entry off once its file no
    /// longer needs it (a test below fails until then).
    /// </summary>
    public static readonly IReadOnlyList<(string From, string To, string File, string Why)> Allowed =
    [
        ("Configuration", "Publication", "Configuration/HumasOptions.cs",
            "HumasOptions binds the channels' settings, whose type lives in Publication/Channels; it belongs in Configuration"),
        ("Orchestration", "Decisions", "Orchestration/SubmissionWorkflow.cs",
            "the workflow calls its activities, which take the contracts in Orchestration: workflow and contracts share a folder"),
        ("Orchestration", "Revision", "Orchestration/SubmissionWorkflow.cs", "as above"),
        ("Orchestration", "Publication", "Orchestration/SubmissionWorkflow.cs", "as above"),
        ("Orchestration", "Targets", "Orchestration/SubmissionWorkflow.cs", "as above"),
        ("Orchestration", "Mail", "Orchestration/RecordTransition.cs",
            "RecordTransition, an activity that mails, sits beside the contracts the mails take; the other activities live in their feature's folder"),
        ("People", "Publication", "People/PeopleSettings.cs",
            "the Humas team's person key is ChannelPublisher.HumasTeam; a person's key belongs in People"),
        ("Uploads", "Intake", "Uploads/UploadAttachments.cs",
            "MediaInspector, which FormPage names from Intake; it and MediaFileNames belong in a folder of their own that both use"),
        ("Uploads", "Intake", "Uploads/UploadHandler.cs", "as above"),
    ];

    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Read(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow")));

    private static bool IsAllowed(FolderUse use) => Allowed.Any(a => a.From == use.From && a.To == use.To && a.File == use.File);

    [Fact]
    public void No_folder_reaches_itself_through_others()
    {
        var cycles = Graph.Value.Cycles(use => !IsAllowed(use));

        Assert.True(cycles.Count == 0,
            "Folders that reach themselves; break one use of each cycle:\n" + string.Join("\n", cycles.Select(Describe)));
    }

    [Fact]
    public void Every_allowed_use_is_still_there()
    {
        var gone = Allowed.Where(a => !Graph.Value.Uses.Any(u => u.From == a.From && u.To == a.To && u.File == a.File)).ToList();

        Assert.True(gone.Count == 0, "No longer used, take off the list: " + string.Join("; ", gone.Select(a => $"{a.From} -> {a.To} ({a.File})")));
    }

    private static string Describe(IReadOnlyList<FolderUse> cycle) =>
        $"{string.Join(" -> ", cycle.Select(u => u.From).Append(cycle[0].From))}: {string.Join(", ", cycle)}";
}
