using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Summaries;

/// <summary>POST /api/summaries/run: staff run the weekly summary now.</summary>
public sealed class SummaryHandler(WeeklySummary summary)
{
    public async Task<IResult> RunAsync(HttpContext http)
    {
        var run = await summary.RunNowAsync(http.RequestAborted);
        return Results.Json(run, SubmissionJson.Options);
    }
}
