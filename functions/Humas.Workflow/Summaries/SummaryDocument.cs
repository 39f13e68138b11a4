using Humas.Workflow.Vocabulary;
using Humas.Workflow.Mail;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Summaries;

/// <summary>The summary as people read it, in the email and in the stored snapshot, from one template.</summary>
public static class SummaryDocument
{
    public static string Subject(UnitProfile unit, WeeklySnapshot s) =>
        $"[{unit.ShortName}] Ringkasan capaian target {s.Report.Year} / Target summary, {Wib.Format(s.GeneratedAt)}";

    public static Task<OutgoingMail> MailAsync(
        MailRenderer mails, UnitProfile unit, WeeklySnapshot s, Person to, string chartSrc, string dashboardUrl, string reachChartSrc = "") =>
        mails.MailAsync<SummaryMail>(unit, to.Email, to.Name, Subject(unit, s), new Dictionary<string, object?>
        {
            [nameof(SummaryMail.Snapshot)] = s,
            [nameof(SummaryMail.Greeting)] = to.Name,
            [nameof(SummaryMail.ChartSrc)] = chartSrc,
            [nameof(SummaryMail.DashboardUrl)] = dashboardUrl,
            [nameof(SummaryMail.ReachChartSrc)] = reachChartSrc,
        });

    /// <summary>The stored snapshot: the same body as the email, in the pages' frame, to be opened in a browser.</summary>
    public static Task<string> PageAsync(
        MailRenderer mails, UnitProfile unit, WeeklySnapshot s, string chartSrc, string dashboardUrl, string reachChartSrc = "") =>
        mails.RenderAsync<SummarySnapshot>(new Dictionary<string, object?>
        {
            [nameof(SummarySnapshot.Unit)] = unit,
            [nameof(SummarySnapshot.Snapshot)] = s,
            [nameof(SummarySnapshot.ChartSrc)] = chartSrc,
            [nameof(SummarySnapshot.DashboardUrl)] = dashboardUrl,
            [nameof(SummarySnapshot.ReachChartSrc)] = reachChartSrc,
        });

    /// <summary>One target as a sentence: how the text body reads a row of the targets table.</summary>
    public static string TargetLine(TargetProgress t)
    {
        var pace = Terms.Pace(t.Status);
        var (expectedId, expectedEn) = t.Status == PaceStatus.Met ? ("", "") : ($" (seharusnya {t.ExpectedByNow})", $" (expected {t.ExpectedByNow})");
        var (shortId, shortEn) = t.Status == PaceStatus.Behind ? ($" {t.Short}", $" by {t.Short}") : ("", "");
        return $"{t.Name}: {t.Actual} dari {t.Target}{expectedId}, {pace.Id}{shortId} / {t.NameEn ?? t.Name}: {t.Actual} of {t.Target}{expectedEn}, {pace.En}{shortEn}";
    }
}
