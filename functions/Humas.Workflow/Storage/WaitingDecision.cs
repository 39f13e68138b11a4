using Humas.Workflow.Submissions;

namespace Humas.Workflow.Storage;

/// <summary>A submission waiting for someone's decision, as the waiting index holds it.</summary>
public sealed record WaitingDecision(
    string Id, string Title, Stage Stage, int Round, IReadOnlyList<string> WaitingFor, DateTimeOffset Since, DateTimeOffset? Deadline);
