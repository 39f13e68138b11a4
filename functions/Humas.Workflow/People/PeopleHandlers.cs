using Humas.Workflow.Http;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.People;

/// <summary>GET and PUT /api/people (staff): the unit's people, reviewers, approvers and summary recipients.</summary>
public sealed class PeopleHandlers(UnitPeople people, UnitProfile file)
{
    /// <summary>Set by App Service authentication (Microsoft Entra ID) in Azure; the platform drops it when a client sends it.</summary>
    public const string PrincipalHeader = SettingsBody.PrincipalHeader;
    private const int BodyLimit = 256 * 1024;

    /// <summary>What a PUT sends: the whole settings, the version they were based on, and who is changing them.</summary>
    public sealed record PeopleUpdate
    {
        public int? Version { get; init; }
        public string? ChangedBy { get; init; }
        public IReadOnlyList<Person>? People { get; init; }
        public IReadOnlyList<string>? Reviewers { get; init; }
        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Approvers { get; init; }
        public IReadOnlyList<string>? SummaryRecipients { get; init; }
    }

    public async Task<IResult> GetAsync(HttpContext http)
    {
        return Results.Json(await View(http.RequestAborted), SubmissionJson.Options);
    }

    public async Task<IResult> PutAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var (update, refused) = await SettingsBody.ReadAsync<PeopleUpdate>(http, BodyLimit);
        if (refused is not null) return refused;
        var errors = new Dictionary<string, string[]>();
        var by = SettingsBody.ChangedBy(http, update!.ChangedBy, errors);

        var settings = new PeopleSettings
        {
            People = update.People ?? [], Reviewers = update.Reviewers ?? [],
            Approvers = update.Approvers ?? new Dictionary<string, IReadOnlyList<string>>(), SummaryRecipients = update.SummaryRecipients ?? [],
        }.Normalized();
        foreach (var (field, messages) in settings.Validate(file)) errors[field] = messages;
        if (errors.Count > 0) return Problems.Validation(errors);

        try
        {
            await people.ChangeAsync(settings, by, update.Version, ct);
        }
        catch (PeopleChangedMeanwhile changed)
        {
            return SettingsBody.ChangedMeanwhile("Data orang", "the people", changed.Current.Version, changed.Current.ChangedBy);
        }
        return Results.Json(await View(ct), SubmissionJson.Options);
    }

    private async Task<object> View(CancellationToken ct)
    {
        var state = await people.GetAsync(ct);
        var changes = await people.ChangesAsync(30, ct);
        return new
        {
            unit = file.ShortName,
            state.Version, state.ChangedAt, state.ChangedBy,
            state.Settings.People, state.Settings.Reviewers, state.Settings.Approvers, state.Settings.SummaryRecipients,
            tracks = file.Tracks.Select(t => new { t.Id, t.Name, policy = t.Approval.Policy.ToString() }),
            changes = changes.Select(c => new { c.Version, c.At, c.By, c.Changes }),
        };
    }
}
