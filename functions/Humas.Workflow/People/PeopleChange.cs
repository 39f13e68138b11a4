namespace Humas.Workflow.People;

/// <summary>One change of the people settings, kept for good: who, when, what, and the settings it led to.</summary>
public sealed record PeopleChange(int Version, DateTimeOffset At, string By, IReadOnlyList<string> Changes, PeopleSettings Settings);
