namespace Humas.Workflow.Storage;

/// <summary>One change of settings kept by staff, kept for good: who, when, what, and the settings it led to.</summary>
public sealed record SettingsChange<T>(int Version, DateTimeOffset At, string By, IReadOnlyList<string> Changes, T Settings);
