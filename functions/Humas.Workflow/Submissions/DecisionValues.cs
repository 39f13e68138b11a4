namespace Humas.Workflow.Submissions;

public static class DecisionValues
{
    public const string Accept = "accept";
    public const string Approve = "approve";
    public const string Revise = "revise";
    public const string Reject = "reject";

    public static IReadOnlyList<string> AllowedAt(Stage stage) => stage switch
    {
        Stage.Review => [Accept, Revise, Reject],
        Stage.Approval => [Approve, Revise, Reject],
        _ => [],
    };
}
