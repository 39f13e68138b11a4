using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Targets;

/// <summary>
/// Staff endpoints for the registers: communities engaged and partner media with the items they carried.
/// A new entry answers 201 and is counted toward its year; the same entry again answers 200 and counts nothing.
/// </summary>
public sealed class RegisterHandlers(RegisterStore registers, ProgressStore progress, TargetRules rules, UnitProfile unit, TimeProvider clock)
{
    public async Task<IResult> AddCommunityAsync(HttpContext http)
    {
        var (body, refused) = await JsonFields.ReadAsync(http);
        if (refused is not null) return refused;
        var errors = new Dictionary<string, string[]>();
        var name = body!.Text("name", errors, required: true, max: 200);
        // The entry's id is made from the name's letters and digits; without any, every such name would be one entry.
        if (name is not null && RegisterStore.Slug(name).Length == 0) errors["name"] = ["Nama perlu huruf atau angka / the name needs letters or digits"];
        var region = body.Text("region", errors, required: true, max: 10);
        if (region is not null && unit.RegionByCode(region) is null) errors["region"] = ["Kode kabupaten/kota tidak dikenal / unknown regency or city code"];
        var team = body.Text("team", errors, max: 60);
        if (team is not null && unit.TeamById(team) is null) errors["team"] = ["Tim tidak dikenal / unknown team"];
        var engagedOn = body.Date("engagedOn", errors, Today());
        var kind = body.Text("kind", errors, max: 60) ?? "kombel";
        var contact = body.Text("contact", errors, max: 200);
        var notes = body.Text("notes", errors, max: 2000, multiline: true);
        if (errors.Count > 0) return Problems.Validation(errors);

        var community = new Community(RegisterStore.CommunityId(name!, region!), name!, kind, region!, team, engagedOn!.Value, contact, notes, clock.GetUtcNow());
        var (added, stored) = await registers.AddCommunityAsync(community, http.RequestAborted);
        var facts = new CountedFacts { Source = CountSources.Communities, At = Noon(stored.EngagedOn), Region = stored.Region, Team = stored.Team };
        await progress.CountAsync(facts.Year, new CountEntry($"community-{stored.Id}", rules.CountersFor(facts)), http.RequestAborted);
        return Results.Json(stored, SubmissionJson.Options, statusCode: added ? 201 : 200);
    }

    public async Task<IResult> CommunitiesAsync(HttpContext http)
    {
        return Results.Json(new { items = await registers.CommunitiesAsync(http.RequestAborted) }, SubmissionJson.Options);
    }

    public async Task<IResult> AddMediumAsync(HttpContext http)
    {
        var (body, refused) = await JsonFields.ReadAsync(http);
        if (refused is not null) return refused;
        var errors = new Dictionary<string, string[]>();
        var name = body!.Text("name", errors, required: true, max: 200);
        if (name is not null && RegisterStore.MediumId(name).Length == 0) errors["name"] = ["Nama perlu huruf atau angka / the name needs letters or digits"];
        var scope = body.Text("scope", errors, required: true, max: 20)?.ToLowerInvariant();
        if (scope is not null && !PartnerScopes.All.Contains(scope)) errors["scope"] = ["Pilih local atau national / choose local or national"];
        var region = body.Text("region", errors, max: 10);
        if (region is not null && unit.RegionByCode(region) is null) errors["region"] = ["Kode kabupaten/kota tidak dikenal / unknown regency or city code"];
        var url = body.Url("url", errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        var (added, stored) = await registers.AddMediumAsync(
            new PartnerMedium(RegisterStore.MediumId(name!), name!, scope!, region, url, clock.GetUtcNow()), http.RequestAborted);
        return Results.Json(stored, SubmissionJson.Options, statusCode: added ? 201 : 200);
    }

    public async Task<IResult> MediaAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var media = await registers.MediaAsync(ct);
        var list = new List<object>();
        foreach (var m in media) list.Add(new { medium = m, items = await registers.ItemsAsync(m.Id, ct) });
        return Results.Json(new { items = list }, SubmissionJson.Options);
    }

    public async Task<IResult> AddItemAsync(HttpContext http, string id)
    {
        var ct = http.RequestAborted;
        var medium = await registers.GetMediumAsync(id, ct);
        if (medium is null) return Problems.Status(404, "Media mitra tidak ditemukan / partner medium not found");
        var (body, refused) = await JsonFields.ReadAsync(http);
        if (refused is not null) return refused;
        var errors = new Dictionary<string, string[]>();
        var title = body!.Text("title", errors, required: true, max: 300);
        var url = body.Url("url", errors, required: true);
        var publishedOn = body.Date("publishedOn", errors, Today());
        var submissionId = body.Text("submissionId", errors, max: 40);
        if (submissionId is not null && !errors.ContainsKey("submissionId") && !SubmissionIds.IsValid(submissionId))
            errors["submissionId"] = ["Nomor pengajuan seperti 20250601-0a1b2c3d4e / a submission id like 20250601-0a1b2c3d4e"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var (added, stored) = await registers.AddItemAsync(
            new CarriedItem(RegisterStore.ItemId(url!), medium.Id, title!, url!, publishedOn!.Value, submissionId, clock.GetUtcNow()), ct);
        var facts = new CountedFacts
        {
            Source = CountSources.PartnerMedia, At = Noon(stored.PublishedOn), Scope = medium.Scope, Channels = [PartnerScopes.Channel],
        };
        await progress.CountAsync(facts.Year, new CountEntry($"partner-item-{medium.Id}-{stored.Id}", rules.CountersFor(facts)), ct);
        return Results.Json(stored, SubmissionJson.Options, statusCode: added ? 201 : 200);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToWib().DateTime);

    // A date without a time is placed at midday WIB, well inside its day and year.
    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
}
