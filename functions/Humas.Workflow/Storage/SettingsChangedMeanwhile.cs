namespace Humas.Workflow.Storage;

/// <summary>Someone saved settings since the version a change was based on; <see cref="Version"/> 0 is the profile's own.</summary>
public sealed class SettingsChangedMeanwhile(int version, string? by) : Exception("The settings changed meanwhile.")
{
    public int Version { get; } = version;
    public string? By { get; } = by;
}
