using Humas.Workflow.Vocabulary;
using System.Globalization;
using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Targets;

/// <summary>GET /api/targets/{year} and GET /dashboard: aggregate figures only, so no key is needed.</summary>
public sealed class TargetHandlers(TargetReporter reporter, UnitProfile unit)
{
    private const string Style = """
        <style>
        .track { position: relative; height: 1.3rem; background: #e7eef7; border-radius: .3rem; overflow: hidden; }
        .bar { height: 100%; background: var(--ok); } .bar.behind { background: var(--bad); }
        .pace { position: absolute; top: 0; bottom: 0; width: 3px; background: var(--accent); }
        tr.uncovered td { color: var(--bad); }
        </style>
        """;

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
        var r = await reporter.BuildAsync(year, ct: http.RequestAborted);
        var pace = (100 * r.YearElapsed).ToString("0.#", CultureInfo.InvariantCulture);
        var bars = string.Join("\n", r.Targets.Select(t => $"""
            <div class="target" data-target="{E(t.Id)}" data-status="{E(t.Status)}">
            <p><strong>{E(lang == Lang.En ? t.NameEn ?? t.Name : t.Name)}</strong> · {E(t.Programme)}<br>
            {t.Actual} / {t.Target} · {E(lang.T("seharusnya", "expected"))} {t.ExpectedByNow} · <span class="status">{E(StatusText(lang, t))}</span></p>
            <div class="track" role="img" aria-label="{t.Actual} / {t.Target}">
            <div class="bar {E(t.Status)}" style="width:{Math.Min(t.Percent, 100).ToString("0.#", CultureInfo.InvariantCulture)}%"></div>
            <div class="pace" style="left:{pace}%" title="{E(lang.T("laju seharusnya", "expected pace"))}"></div>
            </div></div>
            """));
        if (r.Targets.Count == 0) bars = $"<p>{E(lang.T("Tidak ada target untuk tahun ini.", "No targets for this year."))}</p>";
        var regions = string.Join("\n", r.Coverage.Regions.Select(x =>
            $"<tr class=\"{(x.Count > 0 ? "covered" : "uncovered")}\" data-region=\"{E(x.Key)}\"><td>{E(x.Key)}</td><td>{E(x.Name)}</td><td>{x.Count}</td></tr>"));
        var body = $"""
            {Style}
            <div class="card">
            <h1>{E(lang.T("Capaian target", "Progress toward targets"))} {r.Year}</h1>
            <p class="hint">{E(lang.T("Per", "As of"))} {E(Wib.Format(r.AsOf, lang))} · {E(lang.T("garis biru: laju seharusnya", "blue line: expected pace"))} ({pace}%)</p>
            {bars}
            <p><img class="media" alt="{E(lang.T("Grafik capaian", "Progress chart"))}" src="data:image/png;base64,{Convert.ToBase64String(ProgressChart.Png(r))}"></p>
            </div>
            <div class="card"><h2>{E(lang.T("Ringkasan", "Totals"))}</h2>
            <p>{E(lang.T("Konten terbit", "Published items"))}: <strong id="published-items">{r.PublishedItems}</strong> ·
            {E(lang.T("Komunitas", "Communities"))}: <strong>{r.Registers.Communities}</strong> ·
            {E(lang.T("Media mitra lokal/nasional", "Partner media local/national"))}: <strong>{r.Registers.PartnerMediaLocal}/{r.Registers.PartnerMediaNational}</strong></p>
            {Table(lang.T("Per tim", "By team"), r.ByTeam)}
            {Table(lang.T("Per kanal", "By channel"), r.ByChannel)}
            {Table(lang.T("Per bulan", "By month"), r.ByMonth)}
            </div>
            <div class="card"><h2>{E(lang.T("Cakupan wilayah", "Region coverage"))}: <span id="coverage">{r.Coverage.Covered}/{r.Coverage.Total}</span></h2>
            <table><thead><tr><th>{E(lang.T("Kode", "Code"))}</th><th>{E(lang.T("Kabupaten/Kota", "Regency/City"))}</th><th>{E(lang.T("Konten terbit", "Published"))}</th></tr></thead>
            <tbody>{regions}</tbody></table></div>
            """;
        return HtmlResult.Page(Page(lang, lang.T("Dasbor target", "Target dashboard"), body, unit.ShortName));
    }

    private static string Table(string title, IReadOnlyList<CountBy> rows) =>
        $"<h3>{E(title)}</h3><table><tbody>" + string.Join("", rows.Select(x => $"<tr><td>{E(x.Name)}</td><td>{x.Count}</td></tr>")) + "</tbody></table>";

    private static string StatusText(Lang lang, TargetProgress t) =>
        Terms.Pace(t.Status).In(lang) + (t.Status == PaceStatus.Behind ? $" {t.Short}" : "");

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;
}
