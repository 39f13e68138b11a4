using System.Collections.Concurrent;
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
    /// save cut off after its transaction left undone is finished. The save is conditional on the record's ETag, so a
    /// writer that got in between (staff, a second worker) is read and the step is decided again on what it left.
    /// </summary>
    public async Task<Submission> ApplyAsync(string id, int step, Func<Submission, SubmissionChange> apply, CancellationToken ct = default) =>
        (await ApplyStepAsync(id, step, apply, ct: ct)).After;

    /// <summary>
    /// <see cref="ApplyAsync"/>, saying also whether this run applied the step (false when the record had reached it
    /// already): what a step does after its save (a mail) cannot have been done before when it is true.
    /// <paramref name="alongside"/> names marker rows the step needs (the links its mails carry), made from the record
    /// before the change once <paramref name="apply"/> has decided it: they join the state's transaction. When the step
    /// was reached already they are not asked for, and the caller stores what it needs as a step delivered again does.
    /// </summary>
    public async Task<(Submission After, bool Applied)> ApplyStepAsync(string id, int step, Func<Submission, SubmissionChange> apply,
        Func<Submission, IReadOnlyList<MarkerRow>>? alongside = null, CancellationToken ct = default)
    {
        var (after, _, applied) = await DecideAndCommitAsync(id, step, apply, alongside, ct);
        return (after, applied);
    }

    /// <summary>
    /// A change from outside the workflow (staff, the watcher of stopped workflows), numbered after the last step the
    /// record has reached; answers the state saved and its step.
    /// </summary>
    public async Task<(Submission After, int Step)> ApplyNextAsync(string id, Func<Submission, SubmissionChange> apply, CancellationToken ct = default)
    {
        var (after, step, _) = await DecideAndCommitAsync(id, null, apply, null, ct);
        return (after, step);
    }

    /// <summary>
    /// The one path of a decided change: <paramref name="apply"/> on the record as this process knows it, committed on
    /// its ETag, decided again on what is stored when another writer got in first. <paramref name="step"/> null numbers
    /// the change after the record's last step (which it has then never reached).
    /// </summary>
    private async Task<(Submission After, int Step, bool Applied)> DecideAndCommitAsync(string id, int? step,
        Func<Submission, SubmissionChange> apply, Func<Submission, IReadOnlyList<MarkerRow>>? alongside, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var k = await LoadAsync(id, ct);
            var number = step ?? k.Record.LastStep + 1;
            if (k.Record.LastStep >= number)
            {
                // A step delivered again: what is stored now, not what this process remembers, is indexed and answered.
                if (IsRemembered(k)) k = await LoadAsync(id, ct, fresh: true);
                await IndexAsync(k, ct);
                return (k.Record, number, false);
            }
            SubmissionChange change;
            try
            {
                change = apply(k.Record);
            }
            catch (Exception) when (Forget(k))
            {
                // Refused on what this process remembers, which another process may have moved on since: decide again
                // on what is stored (a change decided on an old state would fail on its ETag; a refusal throws first).
                continue;
            }
            var rows = alongside?.Invoke(k.Record) ?? [];
            var after = change.After with { LastStep = number };
            if (await TryCommitAsync(k, after, change.Entry(number), conditional: true, ct, rows) is { } saved)
            {
                await IndexAsync(saved, ct);
                return (after, number, true);
            }
            if (attempt == Attempts) throw new InvalidOperationException($"Submission {id} kept changing while step {number} was saved.");
            await BackOffAsync(attempt, ct);
        }
    }

    /// <summary>
    /// Writes the record and one history row in one transaction (replaying the same step rewrites the same rows), then
    /// brings the submission's index rows in line with its new state. The record is written whatever was there before.
    /// </summary>
    public async Task SaveAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default) =>
        await IndexAsync(await CommitUnconditionallyAsync(submission, entry, ct), ct);

    /// <summary>
    /// Stores a submission the intake has just made: the record, its first history row and its index marker added in
    /// one transaction, then its index rows. A new id has no marker to read and no stale rows, and no other writer until
    /// its workflow starts. Adding rather than replacing refuses an id that is already taken.
    /// </summary>
    public async Task CreateAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var keys = SubmissionIndex.KeysFor(submission);
        var marker = new IndexMarker(keys.Select(k => k.ToString()).ToList(), []);
        var response = await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, RecordRow(submission)),
            new TableTransactionAction(TableTransactionActionType.Add, Row(submission.Id, HistoryKey(entry.Step), entry)),
            new TableTransactionAction(TableTransactionActionType.Add, Row(submission.Id, IndexMarker.RowKey, marker)),
        ], ct);
        var k = Remember(new Known(submission, response.Value[0].Headers.ETag ?? ETag.All, marker, response.Value[2].Headers.ETag, null));
        var indexTag = await index.PutAsync(submission, null, isNew: true, ct);
        await index.ApplyOthersAsync(submission, keys, [], ct);
        Remember(k with { IndexTag = indexTag });
    }

    /// <summary>
    /// The record and the history row in one transaction, with the index marker (which index rows the submission has
    /// now, and which ones it must lose) when those change. A test uses it to stop a save after its transaction.
    /// </summary>
    public async Task<(IndexMarker Marker, ETag ETag)> CommitAsync(Submission submission, HistoryEntry entry, CancellationToken ct = default)
    {
        var k = await CommitUnconditionallyAsync(submission, entry, ct);
        return (k.Marker, k.MarkerTag ?? ETag.All);
    }

    private async Task<Known> CommitUnconditionallyAsync(Submission submission, HistoryEntry entry, CancellationToken ct)
    {
        // Read afresh: a save that does not start from the record it read has no ETag of its own to rely on.
        known.TryRemove(submission.Id, out _);
        for (var attempt = 1; ; attempt++)
        {
            var k = await LoadAsync(submission.Id, ct, missing: submission);
            if (await TryCommitAsync(k, submission, entry, conditional: false, ct) is { } saved) return saved;
            if (attempt == Attempts) throw new InvalidOperationException($"Submission {submission.Id} kept changing while it was saved.");
            await BackOffAsync(attempt, ct);
        }
    }

    /// <summary>
    /// One transaction in the submission's partition: the record (on the ETag it was read with, when
    /// <paramref name="conditional"/>), the history row, and the index marker only when the index rows change (on its
    /// own ETag, so two writers cannot lose each other's stale rows). Answers null when another writer got in first.
    /// </summary>
    private async Task<Known?> TryCommitAsync(Known k, Submission after, HistoryEntry entry, bool conditional, CancellationToken ct,
        IReadOnlyList<MarkerRow>? alongside = null)
    {
        var wanted = SubmissionIndex.KeysFor(after).Select(x => x.ToString()).ToList();
        var moves = !wanted.SequenceEqual(k.Marker.Current) || k.Marker.Stale.Count > 0 || k.MarkerTag is null;
        var marker = moves ? new IndexMarker(wanted, k.Marker.Current.Concat(k.Marker.Stale).Except(wanted).Distinct().ToList()) : k.Marker;
        var record = RecordRow(after);
        var actions = new List<TableTransactionAction>
        {
            conditional && k.RecordTag is { } tag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, tag)
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, record),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(after.Id, HistoryKey(entry.Step), entry)),
        };
        if (moves)
        {
            var markerRow = Row(after.Id, IndexMarker.RowKey, marker);
            actions.Add(k.MarkerTag is { } markerTag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, markerRow, markerTag)
                : new TableTransactionAction(TableTransactionActionType.Add, markerRow));
        }
        // After the record, history and marker, so the responses keep their places.
        foreach (var row in alongside ?? [])
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(after.Id, row.Key, row.Value)));
        try
        {
            var response = await Table.SubmitTransactionAsync(actions, ct);
            return Remember(k with
            {
                Record = after, RecordTag = response.Value[0].Headers.ETag ?? ETag.All, Marker = marker,
                MarkerTag = moves ? response.Value[2].Headers.ETag : k.MarkerTag,
            });
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // Another save of this submission got in between: what this process knew of it is out of date.
            known.TryRemove(after.Id, out _);
            return null;
        }
    }

    /// <summary>
    /// Brings the index rows in line with a committed record and marker. Safe to repeat: a save interrupted before or
    /// during this step leaves its stale rows in the marker, and the next save (the retried activity) removes them.
    /// </summary>
    private async Task IndexAsync(Known k, CancellationToken ct)
    {
        var s = k.Record;
        var indexTag = await index.PutAsync(s, k.IndexTag, ct: ct);
        var stale = k.Marker.Stale.Select(IndexKey.Parse).ToList();
        await index.ApplyOthersAsync(s, k.Marker.Current.Select(IndexKey.Parse).ToList(), stale, ct);
        var markerTag = k.MarkerTag;
        if (stale.Count > 0 && markerTag is { } tag)
        {
            try
            {
                var cleared = k.Marker with { Stale = [] };
                var response = await Table.UpdateEntityAsync(Row(s.Id, IndexMarker.RowKey, cleared), tag, TableUpdateMode.Replace, ct);
                Remember(k with { Marker = cleared, MarkerTag = response.Headers.ETag, IndexTag = indexTag });
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A later save owns the marker now, and removes what is still stale.
                known.TryRemove(s.Id, out _);
                return;
            }
        }
        if (known.TryGetValue(s.Id, out var now) && now.RecordTag == k.RecordTag) Remember(now with { IndexTag = indexTag });
    }

    private const int Attempts = 20;

    /// <summary>Writers that collided try again at different moments, so one of them gets through each round.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(Random.Shared.Next(5, 5 + 10 * Math.Min(attempt, 10)), ct);

    /// <summary>
    /// What this process knows of a submission since it last saved it: the record and the index marker with their
    /// ETags, and the ETag of its row in the list. Every write made on it is conditional on those ETags, so knowing an
    /// old state costs one failed write and a read, never a lost change; a submission not known is read (record and
    /// marker in one query of its partition).
    /// </summary>
    private sealed record Known(Submission Record, ETag? RecordTag, IndexMarker Marker, ETag? MarkerTag, ETag? IndexTag);

    /// <summary>How many submissions a process keeps in mind: the ones in flight, about; beyond that it starts over.</summary>
    private const int KnownAtMost = 4096;
    private readonly ConcurrentDictionary<string, Known> known = new();

    private Known Remember(Known k)
    {
        if (known.Count >= KnownAtMost) known.Clear();
        known[k.Record.Id] = k;
        return k;
    }

    private bool IsRemembered(Known k) => known.TryGetValue(k.Record.Id, out var now) && ReferenceEquals(now, k);

    /// <summary>Forgets a remembered state; false when <paramref name="k"/> was read from storage, not remembered.</summary>
    private bool Forget(Known k) => IsRemembered(k) && known.TryRemove(new KeyValuePair<string, Known>(k.Record.Id, k));

    private async Task<Known> LoadAsync(string id, CancellationToken ct, Submission? missing = null, bool fresh = false)
    {
        if (fresh) known.TryRemove(id, out _);
        else if (known.TryGetValue(id, out var k)) return k;
        Submission? record = null;
        ETag? recordTag = null;
        var marker = IndexMarker.None;
        ETag? markerTag = null;
        if (IsWellFormedId(id))
            await foreach (var row in Table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == id && (e.RowKey == RecordKey || e.RowKey == IndexMarker.RowKey), cancellationToken: ct))
            {
                if (row.RowKey == RecordKey) (record, recordTag) = (Read<Submission>(row), row.ETag);
                else (marker, markerTag) = (Read<IndexMarker>(row), row.ETag);
            }
        // Not remembered: a record read is only worth keeping once this process has written it.
        return new Known(record ?? missing ?? throw new InvalidOperationException($"No submission {id}."), recordTag, marker, markerTag, null);
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
        await IndexAsync(new Known(submission, null, marker, added.Headers.ETag, null), ct);
        return true;
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        known.TryRemove(id, out _);
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
