using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// The points a history is recorded at, one fixture each per workflow version (the folder's name, v1, v2...): mostly
/// waits, and since version 2 also publications run to their end. The recorder and the replay tests agree on them here.
/// </summary>
public static class RecordedWaits
{
    private static readonly IReadOnlyList<string> Version1 =
        ["review", "revision", "approval", "approval-all-midway", "approval-sequence-midway", "scheduled", "publication-retry"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByVersion = new Dictionary<string, IReadOnlyList<string>>
    {
        ["v1"] = Version1,
        // The publication is the orchestrator's own since version 2: Instagram's container wait, whole publications
        // (one of them with a channel that failed), and an admin's retry of that channel.
        ["v2"] = [.. Version1, "publication-instagram-wait", "published", "published-channel-failed", "staff-channel-retry"],
        // Version 3 plans each wait's deadline in an activity: the same points, each stage with one activity more.
        ["v3"] = [.. Version1, "publication-instagram-wait", "published", "published-channel-failed", "staff-channel-retry"],
        // Version 4 lets a decider hand their seat on: the same points, and a review whose seat went to a colleague.
        ["v4"] = [.. Version1, "publication-instagram-wait", "published", "published-channel-failed", "staff-channel-retry", "review-handed-on"],
        // Version 5 lets a channel wait for a reconnection or a limit: the same points as version 4, and Instagram waiting for its limit.
        ["v5"] = [.. Version1, "publication-instagram-wait", "published", "published-channel-failed", "staff-channel-retry", "review-handed-on", "publication-rate-limit-wait"],
        // Version 6 runs fewer activities (a stage opens in one, the publication begins and ends in one each): version 5's points.
        ["v6"] = [.. Version1, "publication-instagram-wait", "published", "published-channel-failed", "staff-channel-retry", "review-handed-on", "publication-rate-limit-wait"],
    };

    /// <summary>What the recorder records: the points of the version this build starts instances on.</summary>
    public static IReadOnlyList<string> Names => ByVersion[Folder(WorkflowVersions.Current)];

    public static string Folder(int version) => $"v{version}";
}
