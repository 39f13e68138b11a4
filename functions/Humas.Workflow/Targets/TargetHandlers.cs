using Humas.Workflow.Vocabulary;
using System.Globalization;
using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Targets;

/// <summary>GET /api/targets/{year} and GET /dashboard: aggregate figures only, so no key is needed.</summary>
public sealed class TargetHandlers(TargetReporter reporter, Reach.ReachReporter reach, UnitProfile unit)
{
    public async Task<IResult> JsonAsync(HttpContext http, string year)
    {
        if (!TryYear(year, out var y)) return Problems.Field(400, "year", "Tahun 2000-2100 / a year from 2000 to 2100");
        return Results.Json(await reporter.BuildAsync(y, ct: http.RequestAborted), SubmissionJson.Options);
    }

    public async Task<IResult> DashboardAsync(HttpContext http)
    {
        var lang = Language.Of(http.Request);
        var asked = http.Request.Query["year"].ToString();
        var year = reporter.CurrentYear;
        if (asked.Length > 0 && !TryYear(asked, out year)) return Problems.Field(400, "year", "Tahun 2000-2100 / a year from 2000 to 2100");
        return PageResult.Of<DashboardPage>(new Dictionary<string, object?>
        {
            [nameof(DashboardPage.Unit)] = unit,
            [nameof(DashboardPage.Report)] = await reporter.BuildAsync(year, ct: http.RequestAborted),
            [nameof(DashboardPage.Lang)] = lang,
            [nameof(DashboardPage.Reach)] = await reach.BuildAsync(year, ct: http.RequestAborted),
        });
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;
}
