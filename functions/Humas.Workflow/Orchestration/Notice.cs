namespace Humas.Workflow.Orchestration;

/// <summary>A first request, a reminder with the same link, or an escalation that adds the backups.</summary>
public enum Notice
{
    Request,
    Reminder,
    Escalation,

    /// <summary>A decider handed their seat to the recipient, with a reason (workflow version 4).</summary>
    HandedOn,
}
