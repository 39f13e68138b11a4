namespace Humas.Workflow.Targets;

public sealed record RegionCoverage(int Total, int Covered, IReadOnlyList<CountBy> Regions, IReadOnlyList<CountBy> Uncovered);
