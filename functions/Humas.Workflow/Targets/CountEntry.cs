namespace Humas.Workflow.Targets;

/// <summary>One thing to count once: its marker key (e.g. <c>publication-{id}</c>) and the counters it moves.</summary>
public sealed record CountEntry(string What, IReadOnlyList<string> Counters);
