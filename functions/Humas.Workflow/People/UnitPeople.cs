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
    private readonly VersionedSettings<PeopleSettings> stored =
        new(storage.Table(HumasStorage.PeopleTable), $"unit-{file.Id}", clock);

    /// <summary>The unit profile with the stored people settings applied.</summary>
    public async Task<UnitProfile> CurrentAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).Settings.ApplyTo(file);

    public async Task<PeopleState> GetAsync(CancellationToken ct = default) => State(await stored.GetAsync(ct));

    private PeopleState State(SettingsChange<PeopleSettings>? c) =>
        c is null ? new PeopleState(PeopleSettings.Of(file), 0, null, null) : new PeopleState(c.Settings, c.Version, c.At, c.By);

    /// <summary>The changes so far, newest first.</summary>
    public async Task<IReadOnlyList<PeopleChange>> ChangesAsync(int max = 50, CancellationToken ct = default) =>
        (await stored.ChangesAsync(max, ct)).Select(c => new PeopleChange(c.Version, c.At, c.By, c.Changes, c.Settings)).ToList();

    /// <summary>
    /// Stores new settings (already validated) and a change row in one transaction. <paramref name="basedOn"/> is the
    /// version the editor saw; when someone saved since, nothing is stored.
    /// </summary>
    public async Task<PeopleChange> ChangeAsync(PeopleSettings next, string by, int? basedOn, CancellationToken ct = default)
    {
        try
        {
            var c = await stored.ChangeAsync(next, by, basedOn, PeopleSettings.Of(file), PeopleSettings.Differences, ct);
            return new PeopleChange(c.Version, c.At, c.By, c.Changes, c.Settings);
        }
        catch (SettingsChangedMeanwhile)
        {
            throw new PeopleChangedMeanwhile(await GetAsync(ct));
        }
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
