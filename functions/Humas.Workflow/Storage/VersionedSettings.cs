using Azure.Data.Tables;

namespace Humas.Workflow.Storage;

/// <summary>
/// Settings staff change without a deploy (the people, the closed days): the row in force and an append-only change
/// log in one partition, written together in one transaction, with an optimistic version. Version 0 is "nothing
/// stored": the profile file's own settings.
/// </summary>
public sealed class VersionedSettings<T>(TableClient table, string partition, TimeProvider clock) where T : class
{
    private const string CurrentKey = "current";

    /// <summary>The change in force, or null while nothing was stored.</summary>
    public async Task<SettingsChange<T>?> GetAsync(CancellationToken ct = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentKey, cancellationToken: ct);
        return row.HasValue ? SubmissionStore.Read<SettingsChange<T>>(row.Value!) : null;
    }

    /// <summary>The changes so far, newest first.</summary>
    public async Task<IReadOnlyList<SettingsChange<T>>> ChangesAsync(int max = 50, CancellationToken ct = default)
    {
        var list = new List<SettingsChange<T>>();
        await foreach (var row in table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == partition && e.RowKey.CompareTo("change-") >= 0 && e.RowKey.CompareTo("change.") < 0,
                           maxPerPage: max, cancellationToken: ct))
        {
            list.Add(SubmissionStore.Read<SettingsChange<T>>(row));
            if (list.Count == max) break;
        }
        return list;
    }

    /// <summary>
    /// Stores new settings (already validated) and a change row. <paramref name="basedOn"/> is the version the editor
    /// saw; when someone saved since, nothing is stored and <see cref="SettingsChangedMeanwhile"/> says who.
    /// </summary>
    /// <param name="before">The settings in force while nothing was stored (the profile's).</param>
    /// <param name="differences">What changed, one line each, for the log.</param>
    public async Task<SettingsChange<T>> ChangeAsync(
        T next, string by, int? basedOn, T before, Func<T, T, IReadOnlyList<string>> differences, CancellationToken ct = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentKey, cancellationToken: ct);
        var current = row.HasValue ? SubmissionStore.Read<SettingsChange<T>>(row.Value!) : null;
        var version = current?.Version ?? 0;
        if (basedOn is { } seen && seen != version) throw new SettingsChangedMeanwhile(version, current?.By);
        var change = new SettingsChange<T>(version + 1, clock.GetUtcNow(), by, differences(current?.Settings ?? before, next), next);
        var currentRow = SubmissionStore.Row(partition, CurrentKey, change);
        try
        {
            await table.SubmitTransactionAsync(
            [
                row.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, currentRow, row.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, currentRow),
                new TableTransactionAction(TableTransactionActionType.Add,
                    SubmissionStore.Row(partition, $"change-{int.MaxValue - change.Version:D10}", change)),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            var now = await GetAsync(ct);
            throw new SettingsChangedMeanwhile(now?.Version ?? 0, now?.By);
        }
        return change;
    }
}
