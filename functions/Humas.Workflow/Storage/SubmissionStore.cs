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
    private readonly SubmissionIndex index = new(storage);
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

    /// <summary>The record an activity works on: the workflow runs only for stored submissions, so a missing one is a fault.</summary>
    public async Task<Submission> GetExistingAsync(string id, CancellationToken ct = default) =>
        await GetAsync(id, ct) ?? throw new InvalidOperationException($"No submission {id}.");

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

    /// <summary>
    /// The one way a workflow step changes a submission: loads it, applies the transition and saves the state and its
    /// history row, both numbered by <paramref name="step"/>; answers the state saved. The engine delivers an activity
    /// at least once, so a step the record has reached already is not applied again (a second response would be counted
    /// twice, a late copy of an older step would move the record back): the record is answered as it is, once what a
    /// save cut off after its transaction left undone is finished.
    /// </summary>
    public async Task<Submission> ApplyAsync(string id, int step, Func<Submission, SubmissionChange> apply, CancellationToken ct = default)
    {
        var s = await GetExistingAsync(id, ct);
        if (s.LastStep >= step)
        {
            await SettleAsync(s, ct);
            return s;
        }
        return await SaveChangeAsync(apply(s), step, ct);
    }

    /// <summary>
    /// A change from outside the workflow (staff, the watcher of stopped workflows), numbered after the last step the
    /// record has reached; answers the state saved and its step.
    /// </summary>
    public async Task<(Submission After, int Step)> ApplyNextAsync(string id, Func<Submission, SubmissionChange> apply, CancellationToken ct = default)
    {
        var s = await GetExistingAsync(id, ct);
        var step = s.LastStep + 1;
        return (await SaveChangeAsync(apply(s), step, ct), step);
    }

    private async Task<Submission> SaveChangeAsync(SubmissionChange change, int step, CancellationToken ct)
    {
        var after = change.After with { LastStep = step };
        await SaveAsync(after, change.Entry(step), ct);
        return after;
    }

    /// <summary>Index rows and the waiting row as a committed record needs them, for a save that stopped after its transaction.</summary>
    private async Task SettleAsync(Submission s, CancellationToken ct)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(s.Id, IndexMarker.RowKey, cancellationToken: ct);
        if (found.HasValue) await IndexAsync(s, (Read<IndexMarker>(found.Value!), found.Value!.ETag), ct);
        await waiting.MirrorAsync(s, ct);
    }

    /// <summary>
    /// Writes the record and one history row in one transaction (replaying the same step rewrites the same rows), then
    /// moves the submission's index rows to where its new state belongs.
    /// </summary>
    public async Task SaveAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var committed = await CommitAsync(submission, entry, ct);
        await IndexAsync(submission, committed, ct);
        await waiting.MirrorAsync(submission, ct);
    }

    /// <summary>
    /// Stores a submission the intake has just made: the record, its first history row and its index marker added in
    /// one transaction, then its index rows. A new id has no marker to read, no stale rows and no waiting row, and no
    /// other writer until its workflow starts, so the reads <see cref="SaveAsync"/> needs to stay consistent are not
    /// needed here. Adding rather than replacing refuses an id that is already taken.
    /// </summary>
    public async Task CreateAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var record = RecordRow(submission);
        var keys = SubmissionIndex.KeysFor(submission);
        var marker = new IndexMarker(keys.Select(k => k.ToString()).ToList(), []);
        await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, record),
            new TableTransactionAction(TableTransactionActionType.Add, Row(submission.Id, HistoryKey(entry.Step), entry)),
            new TableTransactionAction(TableTransactionActionType.Add, Row(submission.Id, IndexMarker.RowKey, marker)),
        ], ct);
        await index.ApplyAsync(submission, keys, [], ct);
        if (submission.WaitingStage is not null) await waiting.MirrorAsync(submission, ct);
    }

    /// <summary>
    /// The record, the history row and the index marker (which index rows the submission has now, and which ones it
    /// must lose) in one transaction. The marker's ETag guards it, so two writers cannot lose each other's stale rows.
    /// </summary>
    public async Task<(IndexMarker Marker, ETag ETag)> CommitAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var record = RecordRow(submission);
        var wanted = SubmissionIndex.KeysFor(submission).Select(k => k.ToString()).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(submission.Id, IndexMarker.RowKey, cancellationToken: ct);
            var previous = found.HasValue ? Read<IndexMarker>(found.Value!) : IndexMarker.None;
            var marker = new IndexMarker(wanted, previous.Current.Concat(previous.Stale).Except(wanted).Distinct().ToList());
            var markerRow = Row(submission.Id, IndexMarker.RowKey, marker);
            try
            {
                var response = await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, record),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(submission.Id, HistoryKey(entry.Step), entry)),
                    found.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, markerRow, found.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, markerRow),
                ], ct);
                return (marker, response.Value[2].Headers.ETag ?? ETag.All);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another save of this submission got in between: read its marker and try again.
            }
        }
    }

    /// <summary>
    /// Brings the index rows in line with a committed marker. Safe to repeat: a save interrupted before or during this
    /// step leaves its stale rows in the marker, and the next save (the retried activity) removes them.
    /// </summary>
    public async Task IndexAsync(Submission submission, (IndexMarker Marker, ETag ETag) committed, CancellationToken ct = default)
    {
        for (var round = 0; round < 3; round++)
        {
            var (marker, etag) = committed;
            await index.ApplyAsync(submission, marker.Current.Select(IndexKey.Parse).ToList(), marker.Stale.Select(IndexKey.Parse).ToList(), ct);
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(submission.Id, IndexMarker.RowKey, cancellationToken: ct);
            if (!found.HasValue) return;
            if (found.Value!.ETag == etag)
            {
                if (marker.Stale.Count == 0) return;
                try
                {
                    await Table.UpdateEntityAsync(Row(submission.Id, IndexMarker.RowKey, marker with { Stale = [] }), etag, TableUpdateMode.Replace, ct);
                    return;
                }
                catch (RequestFailedException e) when (e.Status == 412) { /* a later save owns the marker now */ }
                found = await Table.GetEntityIfExistsAsync<TableEntity>(submission.Id, IndexMarker.RowKey, cancellationToken: ct);
                if (!found.HasValue) return;
            }
            // A later save moved the submission on while this one wrote its rows: index what is stored now.
            var latest = await GetAsync(submission.Id, ct);
            if (latest is null) return;
            submission = latest;
            committed = (Read<IndexMarker>(found.Value!), found.Value!.ETag);
        }
    }

    /// <summary>Every submission's record, in no particular order: a whole-table read, for upkeep only.</summary>
    public async IAsyncEnumerable<Submission> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>($"RowKey eq '{RecordKey}'", cancellationToken: ct))
            yield return Read<Submission>(row);
    }

    /// <summary>
    /// Gives a submission stored before the index existed its index rows; answers false when it has a marker already.
    /// Only a submission without any marker is touched: a save since then wrote its own marker, and that save knew the
    /// submission's state better than the record read here.
    /// </summary>
    public async Task<bool> IndexIfUnindexedAsync(Submission submission, CancellationToken ct = default)
    {
        var marker = new IndexMarker(SubmissionIndex.KeysFor(submission).Select(k => k.ToString()).ToList(), []);
        Response added;
        try
        {
            added = await Table.AddEntityAsync(Row(submission.Id, IndexMarker.RowKey, marker), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await IndexAsync(submission, (marker, added.Headers.ETag ?? ETag.All), ct);
        return true;
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        var marker = await GetMarkerAsync<IndexMarker>(id, IndexMarker.RowKey, ct);
        if (marker is not null) await index.RemoveAsync(marker, ct);
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

    /// <summary>Removes the marker <paramref name="key"/> and every marker named <c>{key}-...</c> (a stage's claim and its seats' claims).</summary>
    public async Task RemoveMarkersAsync(string id, string key, CancellationToken ct = default)
    {
        var prefix = key + "-";
        var end = key + ".";
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == id && (e.RowKey == key || (e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(end) < 0)),
                           select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
    }

    /// <summary>The record, with the columns a table filter compares beside its JSON.</summary>
    private static TableEntity RecordRow(Submission submission)
    {
        var record = Row(submission.Id, RecordKey, submission);
        record["Status"] = submission.Status.ToString();
        record["CreatedAt"] = submission.CreatedAt;
        return record;
    }

    internal static TableEntity Row<T>(string partition, string row, T value) =>
        new(partition, row) { ["Json"] = JsonSerializer.Serialize(value, Json) };

    internal static T Read<T>(TableEntity row) =>
        JsonSerializer.Deserialize<T>(row.GetString("Json"), Json)
        ?? throw new InvalidOperationException($"Row {row.PartitionKey}/{row.RowKey} is empty.");
}
