namespace Humas.Workflow.Orchestration;

/// <summary>A first request, a reminder with the same link, or an escalation that adds the backups.</summary>
public enum Notice
{
    Request,
    Reminder,
    Escalation,
}
