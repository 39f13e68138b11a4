namespace Humas.Workflow.Submissions;

/// <summary>The stages a person is asked to act on; each has its own links and event names.</summary>
public enum Stage
{
    Review,
    Approval,
    Revision,
}
