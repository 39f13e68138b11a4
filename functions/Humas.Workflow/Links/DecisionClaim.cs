using Humas.Workflow.Submissions;

namespace Humas.Workflow.Links;

/// <summary>Who took a stage's decision; its row makes every link of that stage single-use.</summary>
public sealed record DecisionClaim(
    Stage Stage, int Round, string Decision, string? Comment, string PersonKey, string PersonName, DateTimeOffset At, string? OnBehalfOfName = null)
{
    /// <summary>
    /// The row of a stage's round, for the act and revise links that claim it and for a restart by staff, which gives it
    /// back: one name, so that neither can look for a row the other did not write.
    /// </summary>
    public static string Key(Stage stage, int round) => $"claim-{stage}-{round}";
}
