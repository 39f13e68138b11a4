using System.Globalization;
using Humas.Workflow.Http;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Reach;

/// <summary>POST /api/reach/run (staff): the day's reach now. GET /api/reach/{year}: the year's reach, aggregate figures only.</summary>
public sealed class ReachHandlers(ReachRecorder recorder, ReachReporter reporter)
{
    public async Task<IResult> RunAsync(HttpContext http) =>
        Results.Json(await recorder.RunAsync(http.RequestAborted), SubmissionJson.Options);

    public async Task<IResult> JsonAsync(HttpContext http, string year)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            return Problems.Field(400, "year", "Tahun 2000-2100 / a year from 2000 to 2100");
        return Results.Json(await reporter.BuildAsync(y, ct: http.RequestAborted), SubmissionJson.Options);
    }
}
