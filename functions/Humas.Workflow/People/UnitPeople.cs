using Azure.Data.Tables;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;

namespace Humas.Workflow.People;

/// <summary>
/// Answers "who are the people of the unit as of now": the profile file (with its <c>Humas__People__*</c> settings)
/// overridden by what staff stored. Read each time it is asked, so a change holds from the next decision requested
/// on, in every instance of the app; links already sent carry their person and keep working.
/// </summary>
public sealed class UnitPeople(UnitProfile file, HumasStorage storage, TimeProvider clock)
{
    private const string CurrentKey = "current";
    private TableClient Table => storage.Table(HumasStorage.PeopleTable);
    private string Partition => $"unit-{file.Id}";

    /// <summary>The unit profile with the stored people settings applied.</summary>
    public async Task<UnitProfile> CurrentAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).Settings.ApplyTo(file);

    public async Task<PeopleState> GetAsync(CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, CurrentKey, cancellationToken: ct);
        return State(row.HasValue ? row.Value : null);
    }

    private PeopleState State(TableEntity? row)
    {
        if (row is null) return new PeopleState(PeopleSettings.Of(file), 0, null, null);
        var c = SubmissionStore.Read<PeopleChange>(row);
        return new PeopleState(c.Settings, c.Version, c.At, c.By);
    }

    /// <summary>The changes so far, newest first.</summary>
    public async Task<IReadOnlyList<PeopleChange>> ChangesAsync(int max = 50, CancellationToken ct = default)
    {
        var list = new List<PeopleChange>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == Partition && e.RowKey.CompareTo("change-") >= 0 && e.RowKey.CompareTo("change.") < 0,
                           maxPerPage: max, cancellationToken: ct))
        {
            list.Add(SubmissionStore.Read<PeopleChange>(row));
            if (list.Count == max) break;
        }
        return list;
    }

    /// <summary>
    /// Stores new settings (already validated) and a change row in one transaction. <paramref name="basedOn"/> is the
    /// version the editor saw; when someone saved since, nothing is stored.
    /// </summary>
    public async Task<PeopleChange> ChangeAsync(PeopleSettings next, string by, int? basedOn, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, CurrentKey, cancellationToken: ct);
        var current = State(row.HasValue ? row.Value : null);
        if (basedOn is { } seen && seen != current.Version) throw new PeopleChangedMeanwhile(current);
        var change = new PeopleChange(current.Version + 1, clock.GetUtcNow(), by, PeopleSettings.Differences(current.Settings, next), next);
        var currentRow = SubmissionStore.Row(Partition, CurrentKey, change);
        try
        {
            await Table.SubmitTransactionAsync(
            [
                row.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, currentRow, row.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, currentRow),
                new TableTransactionAction(TableTransactionActionType.Add,
                    SubmissionStore.Row(Partition, $"change-{int.MaxValue - change.Version:D10}", change)),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new PeopleChangedMeanwhile(await GetAsync(ct));
        }
        return change;
    }

    /// <summary>
    /// The person a link was sent to, by the key and email it carries: as they are now when the email still matches,
    /// else as they were when the link was made (from the change log or the profile file), so a decision made from an
    /// older link is recorded under the name of the person who received it.
    /// </summary>
    public async Task<Person?> ResolveAsync(string key, string? email, CancellationToken ct = default)
    {
        var now = await CurrentAsync(ct);
        var current = now.PersonByKeyOrNull(key);
        bool Same(Person? p) => p is not null && (email is null || string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        if (Same(current)) return current;
        var original = file.PersonByKeyOrNull(key);
        if (Same(original)) return original;
        foreach (var change in await ChangesAsync(200, ct))
            if (change.Settings.People.FirstOrDefault(p => p.Key == key) is { } earlier && Same(earlier)) return earlier;
        return current ?? original;
    }
}
