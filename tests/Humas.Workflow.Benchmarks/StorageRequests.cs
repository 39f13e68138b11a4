using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// The requests a batch of submissions cost, from Azurite's debug log (<see cref="AzuriteLog"/>). A request is theirs
/// when a row it touched is keyed by one of them: their partition in the Submissions table and the engine's tables (the
/// instance id is the submission id), an index, waiting, feed or count row whose row key ends with the id, a blob under
/// the id. Those are counted wherever they fall in the log. Requests that name no submission (queue messages, a
/// settings read, the year's count row, lease renewal) are counted between two marks the benchmark writes into the log
/// around the batch, and shown apart. A table batch is one request (one round trip), classed by the rows it carried.
/// The benchmark's own requests (user agent <see cref="OwnUserAgent"/>) are left out.
/// </summary>
public sealed class StorageRequests(string logPath, string taskHub, TableServiceClient own)
{
    public const string OwnUserAgent = "humas-bench";
    private const string MarkTable = "BenchMarks";
    private static readonly TimeSpan LogTimeout = TimeSpan.FromMinutes(2);

    private readonly TableClient marks = own.GetTableClient(MarkTable);

    public Task CreateAsync() => marks.CreateIfNotExistsAsync();

    /// <summary>Writes a mark into Azurite's log (a read of a row that does not exist) and waits until the log shows it.</summary>
    public async Task MarkAsync(string name)
    {
        await marks.GetEntityIfExistsAsync<TableEntity>("mark", name, ["RowKey"]);
        await AzuriteLog.WaitForAsync(logPath, $"/{MarkTable}(PartitionKey='mark',RowKey='{name}')", LogTimeout);
    }

    /// <summary>What the requests between two marks cost, for the submissions named.</summary>
    public sealed class Tally
    {
        public required int Submissions { get; init; }
        public TimeSpan Span { get; set; }
        public Dictionary<Owner, int> Keyed { get; } = Enum.GetValues<Owner>().ToDictionary(o => o, _ => 0);
        public Dictionary<Owner, int> Unkeyed { get; } = Enum.GetValues<Owner>().ToDictionary(o => o, _ => 0);
        public Dictionary<string, int> AppKinds { get; } = [];
        public Dictionary<string, int> SharedApp { get; } = [];
        public Dictionary<string, int> Others { get; } = [];
        public Dictionary<Owner, int> Repeated { get; } = Enum.GetValues<Owner>().ToDictionary(o => o, _ => 0);
        public Dictionary<int, int> AppStatuses { get; } = [];
        public int KeyedAfterWindow { get; set; }
        public int KeyedBeforeWindow { get; set; }

        /// <summary>History rows written, as the log shows them: beside the rows in storage, a check that the log was read whole.</summary>
        public int HistoryRowsWritten { get; set; }

        /// <summary>The longest a request in the window was stamped by Azurite's log after its client sent it.</summary>
        public TimeSpan LoggedLate { get; set; }

        public int Total(Owner o) => Keyed[o] + Unkeyed[o];
        public int Engine => Total(Owner.EngineTables) + Total(Owner.EngineQueues) + Total(Owner.EngineBlobs);
    }

    /// <summary>Requests over the whole log for <paramref name="ids"/>, and the unkeyed ones between the two marks.</summary>
    public Tally Count(string fromMark, string toMark, IReadOnlyCollection<string> ids)
    {
        var log = AzuriteLog.Read(logPath, OwnUserAgent);
        var from = MarkAt(log, fromMark);
        var to = MarkAt(log, toMark);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var tally = new Tally { Submissions = ids.Count, Span = log[to].At - log[from].At };
        foreach (var request in log)
        {
            if (request.Own) continue;
            var owner = OwnerOf(request);
            var inWindow = request.Sequence > from && request.Sequence < to;
            var keyed = wanted.Count > 0 && request.Rows.Any(r => IsKeyedBy(r, wanted));
            if (keyed && !inWindow)
            {
                if (request.Sequence > to) tally.KeyedAfterWindow++;
                else tally.KeyedBeforeWindow++;
                continue;
            }
            if (!inWindow) continue;
            (keyed ? tally.Keyed : tally.Unkeyed)[owner]++;
            if (request.LoggedLate is { } late && late > tally.LoggedLate) tally.LoggedLate = late;
            if (request.Repeated) tally.Repeated[owner]++;
            switch (owner)
            {
                case Owner.AppTables when keyed:
                    Add(tally.AppKinds, RowKinds.Of(request));
                    if (request.Status is { } status) Add(tally.AppStatuses, status);
                    if (request.IsBatch || request.Method is "PUT" or "POST" or "MERGE" or "PATCH")
                        tally.HistoryRowsWritten += request.Rows.Count(r => RowKinds.Of(r) == RowKinds.History);
                    break;
                case Owner.AppTables:
                    Add(tally.SharedApp, $"{RowKinds.Of(request)} ({TableOf(request)})");
                    break;
                case Owner.Other:
                    Add(tally.Others, $"{request.Service} {TableOf(request)}");
                    break;
            }
        }
        return tally;
    }

    private static void Add<T>(Dictionary<T, int> counts, T key) where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static int MarkAt(List<LoggedRequest> log, string name) =>
        log.FindLastIndex(r => r.Own && r.Resource == MarkTable && r.Rows.Any(row => row.RowKey == name)) is >= 0 and var at
            ? at
            : throw new InvalidOperationException($"No mark {name} in Azurite's debug log.");

    /// <summary>The row is one of the submission's own, or names it at the end of its row key (index, waiting, feed, counted marker).</summary>
    private static bool IsKeyedBy(RowTouch row, HashSet<string> ids)
    {
        if (row.PartitionKey is { } partition && ids.Contains(partition)) return true;
        if (row.RowKey is not { } key) return false;
        if (ids.Contains(key)) return true;
        for (var i = key.IndexOf('-'); i >= 0; i = key.IndexOf('-', i + 1))
            if (ids.Contains(key[(i + 1)..])) return true;
        return false;
    }

    private static string TableOf(LoggedRequest request) =>
        request.IsBatch ? request.Rows.FirstOrDefault()?.Resource ?? "$batch" : request.Resource;

    private Owner OwnerOf(LoggedRequest request)
    {
        var resource = TableOf(request);
        var engine = resource.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase);
        return request.Service switch
        {
            "Table" when HumasStorage.AppTables.Contains(resource) => Owner.AppTables,
            "Table" when engine => Owner.EngineTables,
            "Blob" when HumasStorage.AppContainers.Contains(resource) => Owner.AppBlobs,
            "Blob" when engine => Owner.EngineBlobs,
            "Queue" when engine => Owner.EngineQueues,
            _ => Owner.Other,
        };
    }

    /// <summary>How many state changes the submissions went through: their history rows, one per saved step.</summary>
    public async Task<int> StateChangesAsync(IEnumerable<string> ids)
    {
        var submissions = own.GetTableClient(HumasStorage.SubmissionsTable);
        var count = 0;
        foreach (var id in ids)
            await foreach (var _ in submissions.QueryAsync<TableEntity>(
                               e => e.PartitionKey == id && e.RowKey.CompareTo("history-") >= 0 && e.RowKey.CompareTo("history.") < 0,
                               select: ["RowKey"]))
                count++;
        return count;
    }
}
