using System.Globalization;
using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Staff;

/// <summary>GET /api/submissions (the staff list), its CSV and XLSX export, and the editorial calendar; all staff-only.</summary>
public sealed class StaffHandlers(SubmissionIndex index, UnitProfile unit)
{
    /// <summary>An export stops here; a larger one is asked for in parts (by month, say).</summary>
    public const int ExportLimit = 20_000;

    public async Task<IResult> ListAsync(HttpContext http)
    {
        var query = SubmissionQuery.Parse(http.Request.Query, unit, out var errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var page = await index.ListAsync(query, http.RequestAborted);
        return Results.Json(new { items = page.Items, count = page.Items.Count, continuationToken = page.ContinuationToken }, SubmissionJson.Options);
    }

    /// <summary>GET /api/exports/submissions/{format}: the whole filtered list (not one page) as csv or xlsx.</summary>
    public async Task<IResult> ExportAsync(HttpContext http, string format)
    {
        format = format.ToLowerInvariant();
        var query = SubmissionQuery.Parse(http.Request.Query, unit, out var errors);
        if (format is not ("csv" or "xlsx")) errors["format"] = ["Format yang dikenal / known formats: csv, xlsx"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var rows = new List<SubmissionRow>();
        query = query with { PageSize = SubmissionQuery.MaxPageSize };
        do
        {
            var page = await index.ListAsync(query, http.RequestAborted);
            rows.AddRange(page.Items);
            query = query with { After = page.Next };
        }
        while (query.After is not null && rows.Count < ExportLimit);

        var name = $"pengajuan-{DateTimeOffset.UtcNow.ToWibStamp()}";
        return format == "csv"
            ? Results.File(SubmissionExport.Csv(rows, unit), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(SubmissionExport.Xlsx(rows, unit), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>GET /api/calendar/{month}: scheduled, planned and published items of a WIB month, by WIB day.</summary>
    public async Task<IResult> CalendarAsync(HttpContext http, string month)
    {
        if (!SubmissionQuery.IsMonth(month)) return Problems.Field(400, "month", SubmissionQuery.MonthReason);
        var items = await index.CalendarAsync(month, http.RequestAborted);
        var days = items.GroupBy(i => i.CalendarAt!.Value.ToWib().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => new
            {
                date = g.Key,
                items = g.Select(i => new { i.Id, i.Title, i.Status, kind = i.CalendarKind, at = i.CalendarAt, i.ContentType, i.Channels }),
            });
        return Results.Json(new { month, timeZone = "Asia/Jakarta", days }, SubmissionJson.Options);
    }
}
