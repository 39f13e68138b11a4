using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Targets;

/// <summary>
/// A year's counters live in one row, beside one marker row per counted thing, in the year's partition.
/// A count adds its marker and rewrites the counter row in one table transaction, guarded by the row's
/// ETag: a retried count finds its marker and changes nothing, two concurrent counts cannot lose one.
/// A summary reads the one counter row, however many items the year has.
/// </summary>
public sealed class ProgressStore(HumasStorage storage)
{
    private const string TallyKey = "tally";
    // A table transaction holds at most 100 actions: the counter row plus up to 99 markers.
    public const int MaxPerTransaction = 99;

    private TableClient Table => storage.Table(HumasStorage.ProgressTable);

    public static string MarkerKey(string what) => $"counted-{what}";

    public async Task<IReadOnlyDictionary<string, int>> GetAsync(int year, CancellationToken ct = default) =>
        (await ReadAsync(year, ct)).Counts;

    public async Task<bool> IsCountedAsync(int year, string what, CancellationToken ct = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Partition(year), MarkerKey(what), ["RowKey"], ct)).HasValue;

    /// <summary>Counts one thing once; false when it had been counted already.</summary>
    public async Task<bool> CountAsync(int year, CountEntry entry, CancellationToken ct = default) =>
        await CountAsync(year, [entry], ct) == 1;

    /// <summary>Counts each entry once (at most 99 at a time); answers how many were new.</summary>
    public async Task<int> CountAsync(int year, IReadOnlyList<CountEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count > MaxPerTransaction)
            throw new ArgumentException($"At most {MaxPerTransaction} entries per count.", nameof(entries));
        var pending = entries.DistinctBy(e => e.What).ToList();
        for (var attempt = 1; ; attempt++)
        {
            if (pending.Count == 0) return 0;
            var (counts, etag) = await ReadAsync(year, ct);
            var next = new Dictionary<string, int>(counts, StringComparer.Ordinal);
            foreach (var key in pending.SelectMany(e => e.Counters))
                next[key] = next.GetValueOrDefault(key) + 1;

            var actions = pending.Select(e => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(Partition(year), MarkerKey(e.What))
                {
                    ["Counters"] = string.Join(' ', e.Counters), ["CountedAt"] = DateTimeOffset.UtcNow,
                })).ToList();
            var tally = new TableEntity(Partition(year), TallyKey) { ["Json"] = JsonSerializer.Serialize(next) };
            actions.Add(etag is { } current
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, tally, current)
                : new TableTransactionAction(TableTransactionActionType.Add, tally));
            try
            {
                await Table.SubmitTransactionAsync(actions, ct);
                return pending.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 60)
            {
                if (e.FailedTransactionActionIndex is { } failed && failed == actions.Count - 1)
                {
                    // Another count moved the counter row first: read it again and retry, after a short random pause.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * Math.Min(attempt, 10))), ct);
                    continue;
                }
                // Some of these were counted before (a retried activity): keep only the others.
                var fresh = new List<CountEntry>();
                foreach (var entry in pending)
                    if (!await IsCountedAsync(year, entry.What, ct)) fresh.Add(entry);
                pending = fresh;
            }
        }
    }

    /// <summary>
    /// Takes a counted thing back out: its counters go down by one and its marker goes, in one transaction guarded by both
    /// rows' ETags. False when it was not counted (or was taken out before).
    /// </summary>
    public async Task<bool> UncountAsync(int year, string what, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var marker = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(year), MarkerKey(what), cancellationToken: ct);
            if (!marker.HasValue) return false;
            var (counts, etag) = await ReadAsync(year, ct);
            if (etag is null) return false;
            var next = new Dictionary<string, int>(counts, StringComparer.Ordinal);
            foreach (var key in (marker.Value!.GetString("Counters") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                next[key] = Math.Max(0, next.GetValueOrDefault(key) - 1);
            var tally = new TableEntity(Partition(year), TallyKey) { ["Json"] = JsonSerializer.Serialize(next) };
            try
            {
                await Table.SubmitTransactionAsync([
                    new TableTransactionAction(TableTransactionActionType.Delete, marker.Value, marker.Value.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, tally, etag.Value),
                ], ct);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * Math.Min(attempt, 10))), ct);
            }
        }
    }

    private async Task<(IReadOnlyDictionary<string, int> Counts, ETag? ETag)> ReadAsync(int year, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(year), TallyKey, cancellationToken: ct);
        if (!row.HasValue) return (new Dictionary<string, int>(), null);
        var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(row.Value!.GetString("Json")) ?? [];
        return (counts, row.Value.ETag);
    }

    private static string Partition(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
