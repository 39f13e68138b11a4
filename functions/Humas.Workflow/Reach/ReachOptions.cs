namespace Humas.Workflow.Reach;

/// <summary>Settings of the daily reach (<c>Humas__Reach__...</c>).</summary>
public sealed class ReachOptions
{
    public const string Section = "Humas:Reach";

    /// <summary>When the local host records it: a cron expression read in WIB. 06:00 WIB every day by default.</summary>
    public string Schedule { get; set; } = ReachSchedule.Wib;

    /// <summary>Whether the local host records it on its schedule (it can always be run with POST /api/reach/run).</summary>
    public bool RunOnSchedule { get; set; } = true;
}
