using Humas.Workflow.Submissions;

namespace Humas.Workflow.Orchestration;

public static class WorkflowEvents
{
    /// <summary>One event name per stage and round, so a stale link can never answer a later round.</summary>
    public static string For(Stage stage, int round) => $"{stage}-{round}";

    public const string Withdraw = "Withdraw";
    public const string ScheduleChanged = "ScheduleChanged";
}
