namespace Humas.Workflow.Intake;

/// <summary>A post refused while it was read: the status, and the field the reason is given for.</summary>
public sealed class IntakeRefused(int status, string field, string reason) : Exception(reason)
{
    public int Status { get; } = status;
    public string Field { get; } = field;

    /// <summary>What was read before the refusal, so a browser gets its form back with those values.</summary>
    public SubmissionFields? Fields { get; set; }
}
