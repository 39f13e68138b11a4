namespace Humas.Workflow.Submissions;

/// <summary>One append-only row of a submission's history.</summary>
public sealed record HistoryEntry
{
    public required int Step { get; init; }
    public required DateTimeOffset At { get; init; }
    public required SubmissionStatus Status { get; init; }

    /// <summary>Stored and served by its name (<see cref="SubmissionJson"/> writes enums as names).</summary>
    public required HistoryEvent Event { get; init; }
    public string? Actor { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Decision { get; init; }
    public string? Comment { get; init; }

    /// <summary>On a hand-on: the colleague who has the seat now.</summary>
    public string? To { get; init; }
}
