namespace Humas.Workflow.Benchmarks;

/// <summary>
/// One request Azurite served, as its debug log tells it: when it came, what it named, the rows it touched (a point
/// operation's keys from its URL, a query's from its <c>$filter</c>, an insert's from its logged body, a batch's from
/// every operation in its logged body), its status, and whether the benchmark made it.
/// </summary>
public sealed record LoggedRequest(
    int Sequence, DateTimeOffset At, string Id, string Service, string Method, string Resource, string? Path,
    string? ClientRequestId, bool Own, bool IsBatch, DateTimeOffset? Sent)
{
    /// <summary>How long after the client sent it (its <c>x-ms-date</c>, to the second) Azurite's log stamped it.</summary>
    public TimeSpan? LoggedLate => Sent is { } sent ? At - sent : null;

    public List<RowTouch> Rows { get; } = [];
    public int? Status { get; set; }

    /// <summary>An earlier request carried the same client request id: the storage SDK sending it again.</summary>
    public bool Repeated { get; set; }
}
