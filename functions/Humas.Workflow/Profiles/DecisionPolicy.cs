namespace Humas.Workflow.Profiles;

/// <summary>Any one decider's answer counts, all must approve, or they approve one after another.</summary>
public enum DecisionPolicy
{
    Any,
    All,
    Sequence,
}
