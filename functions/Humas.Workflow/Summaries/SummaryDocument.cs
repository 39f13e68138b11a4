using System.Globalization;
using System.Text;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Targets;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Summaries;

/// <summary>A weekly snapshot: the report and the decisions left waiting too long.</summary>
public sealed record WeeklySnapshot(string RunId, DateTimeOffset GeneratedAt, TargetReport Report, IReadOnlyList<WaitingDecision> Overdue);

/// <summary>The summary as people read it: Indonesian first, English second, as text and as HTML.</summary>
public static class SummaryDocument
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string Subject(UnitProfile unit, WeeklySnapshot s) =>
        $"[{unit.ShortName}] Ringkasan capaian target {s.Report.Year} / Target summary, {Wib.Format(s.GeneratedAt)}";

    public static string TargetLine(TargetProgress t) => t.Status switch
    {
        PaceStatus.Met => $"{t.Name}: {t.Actual} dari {t.Target}, tercapai / {t.NameEn ?? t.Name}: {t.Actual} of {t.Target}, met",
        PaceStatus.OnPace => $"{t.Name}: {t.Actual} dari {t.Target} (seharusnya {t.ExpectedByNow}), sesuai laju / {t.NameEn ?? t.Name}: {t.Actual} of {t.Target} (expected {t.ExpectedByNow}), on pace",
        _ => $"{t.Name}: {t.Actual} dari {t.Target} (seharusnya {t.ExpectedByNow}), tertinggal {t.Short} / {t.NameEn ?? t.Name}: {t.Actual} of {t.Target} (expected {t.ExpectedByNow}), behind by {t.Short}",
    };

    public static string Text(UnitProfile unit, WeeklySnapshot s, string dashboardUrl)
    {
        var r = s.Report;
        var sb = new StringBuilder();
        sb.AppendLine($"Ringkasan capaian target {unit.ShortName} tahun {r.Year}, per {Wib.Format(r.AsOf)}.");
        sb.AppendLine($"Target summary for {unit.ShortName}, {r.Year}, as of {Wib.Format(r.AsOf, Lang.En)}.");
        sb.AppendLine($"Tahun berjalan / Year elapsed: {r.YearElapsed.ToString("P0", Id)}");
        sb.AppendLine();
        foreach (var t in r.Targets) sb.AppendLine("- " + TargetLine(t));
        sb.AppendLine();
        sb.AppendLine($"Konten terbit / Published items: {r.PublishedItems}");
        sb.AppendLine($"Komunitas dilibatkan / Communities engaged: {r.Registers.Communities}");
        sb.AppendLine($"Media mitra (lokal/nasional) / Partner media items (local/national): {r.Registers.PartnerMediaLocal}/{r.Registers.PartnerMediaNational}");
        sb.AppendLine($"Cakupan wilayah / Region coverage: {r.Coverage.Covered} dari {r.Coverage.Total} kabupaten/kota / {r.Coverage.Covered} of {r.Coverage.Total}");
        if (r.Coverage.Uncovered.Count > 0)
            sb.AppendLine($"Belum ada konten / No content yet: {string.Join(", ", r.Coverage.Uncovered.Select(u => u.Name))}");
        sb.AppendLine();
        sb.AppendLine($"Keputusan tertunda melewati batas / Overdue pending decisions: {s.Overdue.Count}");
        foreach (var o in s.Overdue)
            sb.AppendLine($"- {o.Title} ({o.Id}): {StageText(o)} · {string.Join(", ", o.WaitingFor)} · sejak / since {Wib.Format(o.Since)}");
        sb.AppendLine();
        sb.AppendLine($"Dasbor / Dashboard: {dashboardUrl}");
        return sb.ToString();
    }

    /// <summary>The body shared by the email (chart by content id) and the stored snapshot (chart inline).</summary>
    public static string Body(UnitProfile unit, WeeklySnapshot s, string chartSrc, string dashboardUrl)
    {
        var r = s.Report;
        var targets = string.Join("\n", r.Targets.Select(t =>
            $"<tr data-target=\"{E(t.Id)}\"><td>{E(t.Name)}<br><small>{E(t.NameEn)}</small></td><td>{t.Actual}</td><td>{t.Target}</td><td>{t.ExpectedByNow}</td>"
            + $"<td data-status=\"{E(t.Status)}\">{E(SummaryWorkbook.StatusText(t.Status))}{(t.Short > 0 ? $" ({t.Short})" : "")}</td></tr>"));
        var overdue = s.Overdue.Count == 0
            ? "<p>Tidak ada / none.</p>"
            : "<ul>" + string.Join("", s.Overdue.Select(o =>
                $"<li><strong>{E(o.Title)}</strong> ({E(o.Id)}): {E(StageText(o))} · {E(string.Join(", ", o.WaitingFor))} · sejak / since {E(Wib.Format(o.Since))}</li>")) + "</ul>";
        var uncovered = r.Coverage.Uncovered.Count == 0 ? "" :
            $"<p>Belum ada konten / No content yet: {E(string.Join(", ", r.Coverage.Uncovered.Select(u => u.Name)))}</p>";
        return $"""
            <h1>Ringkasan capaian target {r.Year} / Target summary {r.Year}</h1>
            <p>{E(unit.UnitName)} · per {E(Wib.Format(r.AsOf))} / as of {E(Wib.Format(r.AsOf, Lang.En))} · tahun berjalan / year elapsed {E(r.YearElapsed.ToString("P0", Id))}</p>
            <p><img src="{E(chartSrc)}" alt="Grafik capaian target / progress chart" style="max-width:100%"></p>
            <table><thead><tr><th>Target</th><th>Capaian / Reached</th><th>Target tahunan / Yearly</th><th>Seharusnya / Expected</th><th>Status</th></tr></thead>
            <tbody>{targets}</tbody></table>
            <p>Konten terbit / Published items: <strong>{r.PublishedItems}</strong> · Komunitas / Communities: <strong>{r.Registers.Communities}</strong>
            · Media mitra lokal/nasional / Partner media local/national: <strong>{r.Registers.PartnerMediaLocal}/{r.Registers.PartnerMediaNational}</strong></p>
            <h2>Cakupan wilayah / Region coverage</h2>
            <p><strong>{r.Coverage.Covered}</strong> dari / of {r.Coverage.Total} kabupaten/kota</p>
            {uncovered}
            <h2>Keputusan tertunda melewati batas / Overdue pending decisions ({s.Overdue.Count})</h2>
            {overdue}
            <p><a href="{E(dashboardUrl)}">Dasbor / Dashboard</a></p>
            """;
    }

    private static string StageText(WaitingDecision o) => o.Stage switch
    {
        Submissions.Stage.Review => "tinjauan / review",
        Submissions.Stage.Approval => "persetujuan / approval",
        _ => "revisi / revision",
    };
}
