using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Intake;

/// <summary>GET /: the submission form; a plain HTML form that works without JavaScript.</summary>
public sealed class FormPage(UnitProfile unit)
{
    public IResult Show(HttpContext http)
    {
        var lang = Language.Of(http.Request);
        string Option(string value, string text) => $"<option value=\"{E(value)}\">{E(text)}</option>";
        var types = ContentTypes.All.Select(t => Option(t, TypeName(lang, t)));
        var channels = unit.Channels.Select(c =>
            $"""<label style="font-weight:normal"><input type="checkbox" name="channels" value="{E(c)}"{(c == "website" ? " checked" : "")}> {E(c)}</label>""");
        var body = $"""
            <p><a href="?lang={(lang == Lang.En ? "id" : "en")}" hreflang="{(lang == Lang.En ? "id" : "en")}">{(lang == Lang.En ? "Bahasa Indonesia" : "English")}</a></p>
            <form class="card" method="post" action="/api/submissions" enctype="multipart/form-data">
            <h1>{E(lang.T("Pengajuan konten", "Submit content"))}</h1>
            <label for="title">{E(lang.T("Judul", "Title"))} *</label>
            <input id="title" name="title" required maxlength="{SubmissionValidator.TitleMax}">
            <label for="summary">{E(lang.T("Ringkasan", "Summary"))}</label>
            <textarea id="summary" name="summary" rows="2" maxlength="{SubmissionValidator.SummaryMax}"></textarea>
            <label for="body">{E(lang.T("Isi", "Body"))}</label>
            <textarea id="body" name="body" rows="8"></textarea>
            <label for="contentType">{E(lang.T("Jenis konten", "Content type"))}</label>
            <select id="contentType" name="contentType">{string.Join("", types)}</select>
            <fieldset><legend>{E(lang.T("Kanal publikasi", "Channels"))}</legend>{string.Join(" ", channels)}</fieldset>
            <label for="track">{E(lang.T("Jalur humas", "PR track"))}</label>
            <select id="track" name="track">{string.Join("", unit.Tracks.Select(t => Option(t.Id, t.Name)))}</select>
            <label for="team">{E(lang.T("Tim", "Team"))}</label>
            <select id="team" name="team"><option value="">-</option>{string.Join("", unit.Teams.Select(t => Option(t.Id, t.Name)))}</select>
            <label for="region">{E(lang.T("Kabupaten/kota", "Regency/city"))}</label>
            <select id="region" name="region"><option value="">-</option>{string.Join("", unit.Regions.Select(r => Option(r.Code, r.Name)))}</select>
            <label for="program">{E(lang.T("Program", "Programme"))}</label>
            <input id="program" name="program" maxlength="{SubmissionValidator.ShortMax}" placeholder="PDM-07">
            <label style="font-weight:normal"><input type="checkbox" name="priorityProgram" value="true"> {E(lang.T("Konten program prioritas", "Priority-programme content"))}</label>
            <label for="publishAt">{E(lang.T("Jadwal terbit (opsional)", "Publish at (optional)"))}</label>
            <p class="hint" id="publishAt-hint">{E(lang.T("ISO 8601 dengan zona waktu, mis. 2026-12-01T09:00:00+07:00", "ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+07:00"))}</p>
            <input id="publishAt" name="publishAt" aria-describedby="publishAt-hint">
            <label for="media">{E(lang.T("Media (foto, video, audio, PDF)", "Media (photo, video, audio, PDF)"))}</label>
            <input id="media" name="media" type="file" multiple accept="{string.Join(",", MediaInspector.AllowedExtensions)}">
            <label for="submitterName">{E(lang.T("Nama pengaju", "Your name"))}</label>
            <input id="submitterName" name="submitterName" maxlength="{SubmissionValidator.ShortMax}" autocomplete="name">
            <label for="submitterEmail">{E(lang.T("Email pengaju", "Your email"))} *</label>
            <input id="submitterEmail" name="submitterEmail" type="email" required autocomplete="email">
            <button type="submit">{E(lang.T("Kirim", "Submit"))}</button>
            </form>
            """;
        return HtmlResult.Page(Page(lang, lang.T("Pengajuan konten", "Submit content"), body, unit.ShortName));
    }

    public static string TypeName(Lang lang, string type) => type switch
    {
        "news" => lang.T("Berita", "News"),
        "article" => lang.T("Artikel", "Article"),
        "photo" => lang.T("Foto", "Photo"),
        "video" => "Video",
        "infographic" => lang.T("Infografis", "Infographic"),
        "podcast" => "Podcast",
        "webinar" => lang.T("Laporan webinar", "Webinar report"),
        "press-release" => lang.T("Siaran pers", "Press release"),
        "community" => lang.T("Komunitas", "Community"),
        _ => type,
    };
}
