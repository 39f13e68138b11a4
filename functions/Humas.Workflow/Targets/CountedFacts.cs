using Humas.Workflow.Pages;

namespace Humas.Workflow.Targets;

/// <summary>What is known about one counted thing when it is counted: its time, where it came from, what it was.</summary>
public sealed record CountedFacts
{
    public required DateTimeOffset At { get; init; }
    public string Source { get; init; } = CountSources.Content;
    public string? ContentType { get; init; }
    public bool PriorityProgram { get; init; }
    public string? Program { get; init; }
    public IReadOnlyList<string> Channels { get; init; } = [];
    public string? Team { get; init; }
    public string? Region { get; init; }
    /// <summary>A partner medium's reach: local or national.</summary>
    public string? Scope { get; init; }

    /// <summary>Counts belong to the year in which the office's own calendar (WIB) places them.</summary>
    public int Year => At.ToWib().Year;
}
