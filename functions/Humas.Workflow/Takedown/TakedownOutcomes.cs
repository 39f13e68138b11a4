namespace Humas.Workflow.Takedown;

public static class TakedownOutcomes
{
    /// <summary>Gone from the channel: the feed entry removed, the WordPress post in the trash and its image deleted.</summary>
    public const string Removed = "Removed";

    /// <summary>Still on the channel but seen by nobody outside the office (a YouTube video set private).</summary>
    public const string MadePrivate = "MadePrivate";

    /// <summary>The channel cannot remove a post through its API (Instagram): the Humas team was mailed the task.</summary>
    public const string TaskMailed = "TaskMailed";

    /// <summary>The channel kept refusing; the Humas team was mailed the task to do by hand.</summary>
    public const string Failed = "Failed";
}
