namespace Humas.Workflow.Intake;

/// <summary>What the submitter says about one file, as it arrived: its alt text, caption and whether children appear (yes/no).</summary>
public sealed record MediaDetail(string? UploadId, string? Alt, string? Caption, string? Minors);
