namespace Humas.Workflow.Profiles;

/// <summary>
/// How a submission sent before alt text, consent and checklists were asked goes through the gates: published as
/// before (<see cref="Publish"/>: the deciders see the items and their state but are not held by them), or held like any
/// other (<see cref="Revise"/>: a decider asks for the missing items through a revision, where the submitter adds them).
/// </summary>
public enum OlderSubmissionRule
{
    Publish,
    Revise,
}
