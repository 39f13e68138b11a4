namespace Humas.Workflow.Storage;

/// <param name="Next">The row key the next page starts after; null on the last page.</param>
public sealed record SubmissionPage(IReadOnlyList<SubmissionRow> Items, string? Next)
{
    public string? ContinuationToken => Next is null ? null : SubmissionQuery.Token(Next);
}
