using Humas.Workflow.Storage;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// What an app-table row is, by its table first and then, in the Submissions table, by its row key's prefix (the
/// prefixes the store classes write: <c>record</c>, <c>history-</c>, <c>index</c>, <c>mail-</c>, <c>claim-</c>...).
/// A row of a table or prefix not listed here is named by its table and prefix, so a new one shows up rather than
/// hiding in another kind.
/// </summary>
public static class RowKinds
{
    public const string Record = "record";
    public const string History = "history";
    public const string Index = "index";
    public const string IndexMarker = "index marker";
    public const string Waiting = "waiting";
    public const string MailMarkers = "mail markers";
    public const string Claims = "claims";
    public const string Links = "links";
    public const string Publication = "publication markers";
    public const string Feed = "feed";
    public const string Counts = "counts";
    public const string Settings = "settings";

    /// <summary>The order kinds are printed in; others follow by count.</summary>
    public static readonly IReadOnlyList<string> Order =
        [Record, History, IndexMarker, Index, Waiting, MailMarkers, Claims, Links, Publication, Feed, Counts, Settings];

    private static readonly (string Prefix, string Kind)[] SubmissionRows =
    [
        ("record", Record), ("history-", History), (Storage.IndexMarker.RowKey, IndexMarker), ("mail-", MailMarkers),
        ("claim-", Claims), ("handover-", Claims), ("link-", Links), ("links-", Links),
        ("publication-", Publication), ("progress-", Publication), ("takedown-", Publication),
    ];

    /// <summary>The kind of one row of an app table; a query is classed by the lower bound of its row key.</summary>
    public static string Of(RowTouch row)
    {
        switch (row.Resource)
        {
            case HumasStorage.SubmissionsTable:
                if (row.RowKey is not { } key) return "Submissions partition";
                foreach (var (prefix, kind) in SubmissionRows)
                    if (key.StartsWith(prefix, StringComparison.Ordinal)) return kind;
                return $"Submissions {Prefix(key)}";
            // Every row of the index table is the index, however its partitions are laid out.
            case HumasStorage.SubmissionIndexTable: return Index;
            case HumasStorage.WaitingTable: return Waiting;
            case HumasStorage.PublishedTable: return Feed;
            case HumasStorage.ProgressTable: return Counts;
            case HumasStorage.PeopleTable or HumasStorage.WorkingCalendarTable or HumasStorage.CredentialsTable: return Settings;
            default: return row.Resource;
        }
    }

    /// <summary>A request's kind: its row's, or for a batch "transaction" and the kinds of its rows.</summary>
    public static string Of(LoggedRequest request)
    {
        if (!request.IsBatch) return request.Rows.Count > 0 ? Of(request.Rows[0]) : request.Resource;
        var kinds = request.Rows.Select(Of).Distinct().OrderBy(k => OrderOf(k)).ToList();
        return kinds.Count == 0 ? "transaction (body not logged)" : $"transaction: {string.Join(" + ", kinds)}";
    }

    public static int OrderOf(string kind)
    {
        var at = Order.ToList().IndexOf(kind);
        return at < 0 ? Order.Count : at;
    }

    private static string Prefix(string key) => key.IndexOf('-') is > 0 and var dash ? key[..(dash + 1)] : key;
}
