using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Humas.Workflow.Configuration;
using Humas.Workflow.Mail;
using Humas.Workflow.Pages;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Summaries;

/// <summary>
/// The leadership's weekly summary: progress toward this year's targets with a chart, region coverage and
/// overdue decisions, emailed to the profile's summary recipients and kept in Blob Storage as HTML, JSON
/// and XLSX. A run is named (the scheduled one by its week), and each recipient gets a run's email once,
/// so a timer that fires twice or a retried run sends nothing twice.
/// </summary>
public sealed class WeeklySummary(
    TargetReporter reporter, Reach.ReachReporter reach, WaitingIndex waiting, UnitProfile unit, UnitPeople people, IMailTransport transport, MailRenderer mails, HumasStorage storage,
    Links.Links links, IOptions<HumasOptions> options, TimeProvider clock, ILogger<WeeklySummary> logger)
{
    private TableClient Sent => storage.Table(HumasStorage.SummariesTable);

    /// <summary>The scheduled run's name: its ISO week in WIB, e.g. weekly-2026-W10.</summary>
    public static string WeeklyRunId(DateTimeOffset at)
    {
        var day = at.ToWib().DateTime;
        return $"weekly-{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    public Task<SummaryRun> RunScheduledAsync(CancellationToken ct = default) => RunAsync(WeeklyRunId(clock.GetUtcNow()), ct);

    /// <summary>A run asked for by staff: always a new name, so it always sends.</summary>
    public Task<SummaryRun> RunNowAsync(CancellationToken ct = default) =>
        RunAsync($"now-{clock.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}", ct);

    public async Task<SummaryRun> RunAsync(string runId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var report = await reporter.BuildAsync(now.ToWib().Year, now, ct);
        var overdueAfter = options.Value.Workflow.ReminderAfter.Approximate;
        var overdue = (await waiting.AllAsync(ct)).Where(w => now - w.Since >= overdueAfter).OrderBy(w => w.Since).ToList();
        var snapshot = new WeeklySnapshot(runId, now, report, overdue, await reach.BuildAsync(report.Year, now, ct));
        var chart = ProgressChart.Png(report);
        var reachChart = snapshot.Reach!.Channels.Count > 0 ? Reach.ReachChart.Png(snapshot.Reach) : null;
        var dashboard = $"{links.BaseUrl}/dashboard";

        var files = await StoreAsync(snapshot, chart, reachChart, dashboard, ct);
        var recipients = await RecipientsAsync(ct);
        foreach (var person in recipients)
        {
            var mail = await SummaryDocument.MailAsync(mails, unit, snapshot, person, $"cid:{ProgressChart.ContentId}", dashboard,
                $"cid:{Reach.ReachChart.ContentId}");
            List<InlineImage> images = [new InlineImage(ProgressChart.ContentId, "image/png", chart)];
            if (reachChart is not null) images.Add(new InlineImage(Reach.ReachChart.ContentId, "image/png", reachChart));
            await SendOnceAsync(runId, person, mail with { Images = images }, ct);
        }
        logger.LogInformation("Summary {RunId}: {Targets} targets, {Overdue} overdue, mailed to {Count}", runId, report.Targets.Count, overdue.Count, recipients.Count);
        return new SummaryRun(runId, report.Year, now, recipients.Select(p => p.Email).ToList(), files, report, overdue);
    }

    /// <summary>The summary recipients as staff last set them (people changes apply to the next run).</summary>
    private async Task<IReadOnlyList<Person>> RecipientsAsync(CancellationToken ct)
    {
        var current = await people.CurrentAsync(ct);
        return current.SummaryRecipients.Select(key => key.Contains('@') ? new Person(key, key, "", key) : current.PersonByKey(key))
            .DistinctBy(p => p.Email.ToLowerInvariant()).ToList();
    }

    private async Task SendOnceAsync(string runId, Person person, OutgoingMail mail, CancellationToken ct)
    {
        var key = $"mail-{person.Email.ToLowerInvariant()}";
        if ((await Sent.GetEntityIfExistsAsync<TableEntity>(runId, key, ["RowKey"], ct)).HasValue) return;
        await transport.SendAsync(mail, ct);
        try { await Sent.AddEntityAsync(new TableEntity(runId, key) { ["SentAt"] = DateTimeOffset.UtcNow }, ct); }
        catch (RequestFailedException e) when (e.Status == 409) { /* a concurrent run of the same name sent it too */ }
    }

    private async Task<SnapshotFiles> StoreAsync(WeeklySnapshot s, byte[] chart, byte[]? reachChart, string dashboard, CancellationToken ct)
    {
        var folder = $"{s.Report.Year}/{s.RunId}";
        var files = new SnapshotFiles($"{folder}/ringkasan.html", $"{folder}/ringkasan.json", $"{folder}/ringkasan.xlsx", $"{folder}/capaian.png");
        var html = await SummaryDocument.PageAsync(mails, unit, s, "data:image/png;base64," + Convert.ToBase64String(chart), dashboard,
            reachChart is null ? "" : "data:image/png;base64," + Convert.ToBase64String(reachChart));
        await UploadAsync(files.Html, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", ct);
        await UploadAsync(files.Json, JsonSerializer.SerializeToUtf8Bytes(s, SubmissionJson.Options), "application/json", ct);
        await UploadAsync(files.Xlsx, SummaryWorkbook.Xlsx(s), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ct);
        await UploadAsync(files.Chart, chart, "image/png", ct);
        return files;
    }

    private Task UploadAsync(string name, byte[] bytes, string contentType, CancellationToken ct) =>
        storage.Snapshots.GetBlobClient(name).UploadAsync(new BinaryData(bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
}
