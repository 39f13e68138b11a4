namespace Humas.Workflow.Orchestration;

public enum ResumePoint
{
    Review,
    Approval,
    Revision,
    PublishTime,
    Publication,
}
