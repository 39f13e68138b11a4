using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Storage;

/// <summary>
/// A submission's partition holds its record, its append-only history, and the markers that make
/// retried activities and reused links harmless (claims, sent mails, publications).
/// </summary>
public sealed class SubmissionStore(HumasStorage storage)
{
    private readonly WaitingIndex waiting = new(storage);
    private const string RecordKey = "record";
    private static readonly JsonSerializerOptions Json = SubmissionJson.Options;

    private TableClient Table => storage.Table(HumasStorage.SubmissionsTable);

    public static string HistoryKey(int step) => $"history-{step:D4}";

    /// <summary>
    /// Ids are made by intake (20261128-7f3a9c2b1e); anything else, from a URL or an altered link, names no
    /// submission, and characters such as '/', '#' or '?' would not even be a valid table key.
    /// </summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: > 0 and <= 100 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public async Task<Submission?> GetAsync(string id, CancellationToken ct = default)
    {
        if (!IsWellFormedId(id)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, RecordKey, cancellationToken: ct);
        return row.HasValue ? Read<Submission>(row.Value!) : null;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string id, CancellationToken ct = default)
    {
        var list = new List<HistoryEntry>();
        if (!IsWellFormedId(id)) return list;
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == id && e.RowKey.CompareTo("history-") >= 0 && e.RowKey.CompareTo("history.") < 0,
                           cancellationToken: ct))
            list.Add(Read<HistoryEntry>(row));
        return list.OrderBy(h => h.Step).ToList();
    }

    /// <summary>Writes the record and one history row in one transaction; replaying the same step rewrites the same rows.</summary>
    public async Task SaveAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var record = Row(submission.Id, RecordKey, submission);
        record["Status"] = submission.Status.ToString();
        record["CreatedAt"] = submission.CreatedAt;
        await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, record),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(submission.Id, HistoryKey(entry.Step), entry)),
        ], ct);
        await waiting.MirrorAsync(submission, ct);
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == id, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
    }

    /// <summary>Adds a marker row once; answers the value already there when another writer got in first.</summary>
    public async Task<(bool Added, T Value)> TryAddMarkerAsync<T>(string id, string key, T value, CancellationToken ct = default)
    {
        try
        {
            await Table.AddEntityAsync(Row(id, key, value), ct);
            return (true, value);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, (await GetMarkerAsync<T>(id, key, ct))!);
        }
    }

    /// <summary>Writes a marker whatever was there before (a later revocation replaces an earlier one).</summary>
    public Task SetMarkerAsync<T>(string id, string key, T value, CancellationToken ct = default) =>
        Table.UpsertEntityAsync(Row(id, key, value), TableUpdateMode.Replace, ct);

    public async Task<T?> GetMarkerAsync<T>(string id, string key, CancellationToken ct = default)
    {
        if (!IsWellFormedId(id)) return default;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, key, cancellationToken: ct);
        return row.HasValue ? Read<T>(row.Value!) : default;
    }

    public async Task<IReadOnlyList<T>> GetMarkersAsync<T>(string id, string prefix, CancellationToken ct = default)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var list = new List<T>();
        if (!IsWellFormedId(id)) return list;
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == id && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(end) < 0, cancellationToken: ct))
            list.Add(Read<T>(row));
        return list;
    }

    public Task RemoveMarkerAsync(string id, string key, CancellationToken ct = default) =>
        Table.DeleteEntityAsync(id, key, ETag.All, ct);

    internal static TableEntity Row<T>(string partition, string row, T value) =>
        new(partition, row) { ["Json"] = JsonSerializer.Serialize(value, Json) };

    internal static T Read<T>(TableEntity row) =>
        JsonSerializer.Deserialize<T>(row.GetString("Json"), Json)
        ?? throw new InvalidOperationException($"Row {row.PartitionKey}/{row.RowKey} is empty.");
}
