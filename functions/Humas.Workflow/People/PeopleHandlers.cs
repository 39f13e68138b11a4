using System.Text.Json;
using Humas.Workflow.Http;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.People;

/// <summary>GET and PUT /api/people (staff): the unit's people, reviewers, approvers and summary recipients.</summary>
public sealed class PeopleHandlers(UnitPeople people, UnitProfile file)
{
    /// <summary>Set by App Service authentication (Microsoft Entra ID) in Azure; the platform drops it when a client sends it.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
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
        var (document, refused) = await JsonBody.ReadAsync(http, BodyLimit);
        if (refused is not null) return refused;
        PeopleUpdate? update;
        using (document)
        {
            try
            {
                update = document!.Deserialize<PeopleUpdate>(SubmissionJson.Options);
            }
            catch (JsonException e)
            {
                // Well-formed JSON with a value of the wrong kind: name where it is.
                return Problems.Field(400, string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'),
                    "Nilai ini tidak sesuai jenisnya / this value is of the wrong kind");
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) makes no text.
                return Problems.Field(400, "body", "Teks tidak sah / not valid text");
            }
        }
        if (update is null) return Problems.Field(400, "body", "JSON kosong / empty JSON");

        var by = http.Request.Headers[PrincipalHeader].ToString().Trim();
        if (by.Length == 0) by = update.ChangedBy?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (by.Length is 0 or > 200) errors["changedBy"] = ["Nama pengubah wajib, paling banyak 200 karakter / who is changing this is required, at most 200 characters"];
        else if (by.Any(char.IsControl)) errors["changedBy"] = ["Tanpa karakter kendali / no control characters"];

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
            return Problems.Field(409, "version",
                $"Data orang sudah diubah orang lain (versi {changed.Current.Version}, oleh {changed.Current.ChangedBy}); muat ulang / " +
                $"someone else changed the people meanwhile (version {changed.Current.Version}, by {changed.Current.ChangedBy}); reload");
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
