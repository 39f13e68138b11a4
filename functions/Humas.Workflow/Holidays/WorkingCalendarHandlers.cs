using Humas.Workflow.Http;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Holidays;

/// <summary>GET and PUT /api/working-calendar (staff): the office hours (from the profile) and the closed days staff keep.</summary>
public sealed class WorkingCalendarHandlers(UnitCalendar calendar, UnitProfile file)
{
    private const int BodyLimit = 256 * 1024;

    /// <summary>What a PUT sends: the whole list of closed days, the version it was based on, and who is changing it.</summary>
    public sealed record CalendarUpdate
    {
        public int? Version { get; init; }
        public string? ChangedBy { get; init; }
        public IReadOnlyList<HolidayInput?>? Holidays { get; init; }
    }

    public async Task<IResult> GetAsync(HttpContext http) =>
        Results.Json(await View(http.RequestAborted), SubmissionJson.Options);

    public async Task<IResult> PutAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var (update, refused) = await SettingsBody.ReadAsync<CalendarUpdate>(http, BodyLimit);
        if (refused is not null) return refused;
        var errors = new Dictionary<string, string[]>();
        var by = SettingsBody.ChangedBy(http, update!.ChangedBy, errors);
        var (holidays, problems) = HolidayRules.Check(update.Holidays);
        foreach (var (field, messages) in problems) errors[field] = messages;
        if (errors.Count > 0) return Problems.Validation(errors);
        try
        {
            await calendar.ChangeAsync(holidays, by, update.Version, ct);
        }
        catch (SettingsChangedMeanwhile changed)
        {
            return SettingsBody.ChangedMeanwhile("Kalender kerja", "the working calendar", changed.Version, changed.By);
        }
        return Results.Json(await View(ct), SubmissionJson.Options);
    }

    private async Task<object> View(CancellationToken ct)
    {
        var state = await calendar.GetAsync(ct);
        var changes = await calendar.ChangesAsync(30, ct);
        var holidays = state?.Settings.Holidays ?? file.Calendar.Holidays;
        return new
        {
            unit = file.ShortName,
            version = state?.Version ?? 0, changedAt = state?.At, changedBy = state?.By,
            timeZone = file.TimeZone,
            hours = file.Calendar.Hours.Select(h => new { days = h.Days.Select(d => d.ToString()), h.Opens, h.Closes }),
            file.Calendar.PaceInWorkingDays,
            holidays = holidays.OrderBy(h => h.Date).Select(h => new { date = h.Date.ToString("yyyy-MM-dd"), h.Name }),
            changes = changes.Select(c => new { c.Version, c.At, c.By, c.Changes }),
        };
    }
}
