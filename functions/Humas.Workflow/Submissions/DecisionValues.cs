namespace Humas.Workflow.Submissions;

public static class DecisionValues
{
    public const string Accept = "accept";
    public const string Approve = "approve";
    public const string Revise = "revise";
    public const string Reject = "reject";

    /// <summary>Not a decision on the content: the decider hands their seat to a colleague (workflow version 4).</summary>
    public const string Reassign = "reassign";

    public static IReadOnlyList<string> AllowedAt(Stage stage) => stage switch
    {
        Stage.Review => [Accept, Revise, Reject],
        Stage.Approval => [Approve, Revise, Reject],
        _ => [],
    };
}
