namespace Humas.Integration.Tests.Upgrade;

/// <summary>One submission of the upgrade story, by a submitter of its own so that the mails it gets can be counted.</summary>
internal sealed class UpgradeItem(string key, string title, string submitter)
{
    /// <summary>The stage it waits at when the previous release stops.</summary>
    public string Key { get; } = key;

    /// <summary>Its title now: a revision changes it.</summary>
    public string Title { get; set; } = title;

    public string Submitter { get; } = submitter;

    public string Id { get; set; } = "";

    /// <summary>The link the intake answered with, which the submitter keeps from before the upgrade.</summary>
    public string TrackingUrl { get; set; } = "";

    public DateTimeOffset PublishAt { get; set; }
}
