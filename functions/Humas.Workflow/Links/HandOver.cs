using Humas.Workflow.Submissions;

namespace Humas.Workflow.Links;

/// <summary>
/// A seat handed to a colleague: its row makes every link of that seat (the decider's, their backup's) answer with who
/// has it now instead of deciding. Kept apart from the stage's claim, which the colleague's own link still takes.
/// </summary>
public sealed record HandOver(
    Stage Stage, int Round, string SeatKey, string FromKey, string FromName, string ToKey, string ToName, string Reason, DateTimeOffset At)
{
    public static string Key(Stage stage, int round, string seatKey) => $"handover-{stage}-{round}-{seatKey.ToLowerInvariant()}";
}
