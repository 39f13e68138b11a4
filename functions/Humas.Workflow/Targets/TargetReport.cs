namespace Humas.Workflow.Targets;

/// <summary>Progress toward a year's targets at a moment: aggregate figures only, safe to show without a key.</summary>
public sealed record TargetReport
{
    public required string Unit { get; init; }
    public required int Year { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    /// <summary>How much of the year (0 to 1) has passed at <see cref="AsOf"/>, the pace line.</summary>
    public required double YearElapsed { get; init; }
    public required IReadOnlyList<TargetProgress> Targets { get; init; }
    public required int PublishedItems { get; init; }
    public required IReadOnlyList<CountBy> ByTeam { get; init; }
    public required IReadOnlyList<CountBy> ByChannel { get; init; }
    public required IReadOnlyList<CountBy> ByMonth { get; init; }
    public required IReadOnlyList<CountBy> ByContentType { get; init; }
    public required RegisterCounts Registers { get; init; }
    public required RegionCoverage Coverage { get; init; }
}
