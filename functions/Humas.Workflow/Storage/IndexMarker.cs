namespace Humas.Workflow.Storage;

/// <summary>
/// The index rows a submission has now, and the ones an interrupted save may have left behind. It lives in the
/// submission's own partition, so it is written in the same transaction as the record; the index rows themselves
/// live in other partitions and are brought in line with it afterwards, as often as a retry asks.
/// </summary>
public sealed record IndexMarker(IReadOnlyList<string> Current, IReadOnlyList<string> Stale)
{
    public const string RowKey = "index";
    public static readonly IndexMarker None = new([], []);
}
