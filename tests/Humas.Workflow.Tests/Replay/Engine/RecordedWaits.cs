namespace Humas.Workflow.Tests.Replay;

/// <summary>The waits a history is recorded at, one fixture each per workflow version; the recorder and the replay tests agree on them here.</summary>
public static class RecordedWaits
{
    public static readonly IReadOnlyList<string> Names =
        ["review", "revision", "approval", "approval-all-midway", "approval-sequence-midway", "scheduled", "publication-retry"];
}
