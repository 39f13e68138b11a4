namespace Humas.Workflow.Summaries;

/// <summary>Settings of the weekly summary (<c>Humas__Summary__...</c>).</summary>
public sealed class SummaryOptions
{
    public const string Section = "Humas:Summary";

    /// <summary>When the local host runs it: a cron expression read in WIB. Monday 07:00 WIB by default.</summary>
    public string Schedule { get; set; } = SummarySchedule.Wib;

    /// <summary>Whether the local host runs it on its schedule (it can always be run with POST /api/summaries/run).</summary>
    public bool RunOnSchedule { get; set; } = true;
}
