using Humas.Workflow.Vocabulary;
using System.Globalization;
using System.Text.Json;
using Humas.Workflow.Configuration;
using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Intake;

/// <summary>
/// GET /: the submission form. A plain HTML form that works without JavaScript (multipart post, 303 to the
/// tracking page); with JavaScript, large files go straight to Blob Storage in blocks with a progress bar.
/// A refused browser post gets this form back with the messages beside the fields and the values kept.
/// </summary>
public sealed class FormPage(UnitProfile unit, IntakeOptions limits)
{
    /// <summary>Files above this go through POST /api/uploads when JavaScript runs; smaller ones ride along in the form post.</summary>
    public const long DirectUploadFrom = 8L * 1024 * 1024;

    /// <summary>The field a browser's date-time picker fills: a wall-clock time in WIB, without an offset.</summary>
    public const string PublishAtWib = "publishAtWib";

    public IResult Show(HttpContext http) => Render(http.Request, null, null, 200);

    /// <summary>Turns the picker's WIB wall-clock time into the contract's <c>publishAt</c> with an offset.</summary>
    public static void TakeWibPublishTime(SubmissionFields fields)
    {
        if (fields.One("publishAt") is not null || fields.One(PublishAtWib) is not { } local) return;
        fields.Add("publishAt", DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "+07:00"
            : local);
    }

    public IResult Render(HttpRequest request, SubmissionFields? values, IDictionary<string, string[]>? errors, int status)
    {
        var lang = Language.Of(request);
        errors ??= new Dictionary<string, string[]>();
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? Value(string name) => values?.One(name);

        string Messages(string name)
        {
            if (!errors.TryGetValue(name, out var list)) return $"""<p class="error" id="{name}-error" hidden></p>""";
            shown.Add(name);
            return $"""<p class="error" id="{name}-error">{string.Join("<br>", list.Select(m => E(Localize(lang, m))))}</p>""";
        }
        string Described(string name, bool hint) =>
            $""" aria-describedby="{(hint ? name + "-hint " : "")}{name}-error"{(errors.ContainsKey(name) ? " aria-invalid=\"true\"" : "")}""";
        string Hint(string name, string id, string en) => $"""<p class="hint" id="{name}-hint">{E(lang.T(id, en))}</p>""";
        string Option(string value, string text, string? selected) =>
            $"""<option value="{E(value)}"{(string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(text)}</option>""";
        string Required() => $"""<span class="required"> * <span class="visually-hidden">{E(lang.T("(wajib)", "(required)"))}</span></span>""";

        var chosenChannels = values?.Many("channels").ToHashSet(StringComparer.OrdinalIgnoreCase) ?? ["website"];
        if (chosenChannels.Count == 0) chosenChannels = ["website"];
        var channels = unit.Channels.Select(c =>
            $"""<label class="choice"><input type="checkbox" name="channels" value="{E(c)}"{(chosenChannels.Contains(c) ? " checked" : "")}> {E(Terms.Channel(c).In(lang))}</label>""");
        var region = Value("region");
        var regionCode = region is null ? null : unit.RegionByCode(region)?.Code
            ?? unit.Regions.FirstOrDefault(r => string.Equals(r.Name, region, StringComparison.OrdinalIgnoreCase))?.Code;
        var priority = Value("priorityProgram") is { } p && (p.Equals("true", StringComparison.OrdinalIgnoreCase) || p == "on" || p == "1");
        var maxFileMb = limits.MaxFileBytes / (1024 * 1024);
        var maxUploadMb = limits.MaxUploadBytes / (1024 * 1024);
        var other = lang == Lang.En ? "id" : "en";

        var fieldsHtml = $"""
            <label for="title">{E(lang.T("Judul", "Title"))}{Required()}</label>
            {Hint("title", $"Paling banyak {SubmissionValidator.TitleMax} karakter.", $"At most {SubmissionValidator.TitleMax} characters.")}
            {Messages("title")}
            <input id="title" name="title" required maxlength="{SubmissionValidator.TitleMax}" value="{E(Value("title"))}"{Described("title", true)}>
            <label for="summary">{E(lang.T("Ringkasan", "Summary"))}</label>
            {Hint("summary", "Satu atau dua kalimat untuk pembaca.", "One or two sentences for readers.")}
            {Messages("summary")}
            <textarea id="summary" name="summary" rows="2" maxlength="{SubmissionValidator.SummaryMax}"{Described("summary", true)}>{E(Value("summary"))}</textarea>
            <label for="body">{E(lang.T("Isi", "Body"))}</label>
            {Messages("body")}
            <textarea id="body" name="body" rows="8" maxlength="{limits.MaxFieldLength}"{Described("body", false)}>{E(Value("body"))}</textarea>
            <label for="contentType">{E(lang.T("Jenis konten", "Content type"))}</label>
            {Messages("contentType")}
            <select id="contentType" name="contentType"{Described("contentType", false)}>{string.Concat(ContentTypes.All.Select(t => Option(t, Terms.ContentType(t).In(lang), Value("contentType"))))}</select>
            <fieldset id="channels"{Described("channels", false)}><legend>{E(lang.T("Kanal publikasi", "Channels"))}</legend>{Messages("channels")}{string.Join("\n", channels)}</fieldset>
            <label for="track">{E(lang.T("Jalur humas", "PR track"))}</label>
            {Hint("track", "Internal: disetujui Kabag Umum. Eksternal (PDM-07): disetujui ketua PDM-07.", "Internal: approved by the Head of General Affairs. External (PDM-07): approved by the PDM-07 lead.")}
            {Messages("track")}
            <select id="track" name="track"{Described("track", true)}>{string.Concat(unit.Tracks.Select(t => Option(t.Id, t.Name, Value("track"))))}</select>
            <label for="team">{E(lang.T("Tim", "Team"))}</label>
            {Messages("team")}
            <select id="team" name="team"{Described("team", false)}><option value="">{E(lang.T("(tidak ada)", "(none)"))}</option>{string.Concat(unit.Teams.Select(t => Option(t.Id, t.Name, Value("team"))))}</select>
            <label for="region">{E(lang.T("Kabupaten/kota", "Regency/city"))}</label>
            {Messages("region")}
            <select id="region" name="region"{Described("region", false)}><option value="">{E(lang.T("(tidak ada)", "(none)"))}</option>{string.Concat(unit.Regions.Select(r => Option(r.Code, r.Name, regionCode)))}</select>
            <label for="program">{E(lang.T("Program", "Programme"))}</label>
            {Hint("program", "Mis. PDM-07.", "E.g. PDM-07.")}
            {Messages("program")}
            <input id="program" name="program" maxlength="{SubmissionValidator.ShortMax}" value="{E(Value("program"))}"{Described("program", true)}>
            {Messages("priorityProgram")}
            <label class="choice"><input type="checkbox" id="priorityProgram" name="priorityProgram" value="true"{(priority ? " checked" : "")}{Described("priorityProgram", false)}> {E(lang.T("Konten program prioritas", "Priority-programme content"))}</label>
            <label for="publishAt">{E(lang.T("Jadwal terbit (opsional)", "Publish at (optional)"))}</label>
            {Hint("publishAt", "Tanggal dan jam WIB; kosongkan untuk terbit segera setelah disetujui.", "Date and time in WIB; leave empty to publish as soon as it is approved.")}
            {Messages("publishAt")}
            <input id="publishAt" name="{PublishAtWib}" type="datetime-local" value="{E(PickerValue(Value(PublishAtWib) ?? Value("publishAt")))}"{Described("publishAt", true)}>
            <label for="submitterName">{E(lang.T("Nama pengaju", "Your name"))}</label>
            {Messages("submitterName")}
            <input id="submitterName" name="submitterName" maxlength="{SubmissionValidator.ShortMax}" autocomplete="name" value="{E(Value("submitterName"))}"{Described("submitterName", false)}>
            <label for="submitterEmail">{E(lang.T("Email pengaju", "Your email"))}{Required()}</label>
            {Hint("submitterEmail", "Tautan pemantauan dan kabar keputusan dikirim ke sini.", "The tracking link and every decision are sent here.")}
            {Messages("submitterEmail")}
            <input id="submitterEmail" name="submitterEmail" type="email" required autocomplete="email" value="{E(Value("submitterEmail"))}"{Described("submitterEmail", true)}>
            <label for="media">{E(lang.T("Media (foto, video, audio, PDF)", "Media (photo, video, audio, PDF)"))}</label>
            {Hint("media", $"Paling banyak {limits.MaxFiles} berkas. Berkas besar (sampai {maxUploadMb / 1024.0:0.#} GB) dikirim langsung dan dapat dilanjutkan bila koneksi putus; tanpa JavaScript paling besar {maxFileMb} MB per berkas.",
                $"At most {limits.MaxFiles} files. Large files (up to {maxUploadMb / 1024.0:0.#} GB) are sent directly and resume after a dropped connection; without JavaScript at most {maxFileMb} MB per file.")}
            {(errors.ContainsKey("media") || errors.ContainsKey("uploads") ? $"""<p class="hint">{E(lang.T("Pilih berkas lagi: browser tidak menyimpannya.", "Choose the files again: the browser does not keep them."))}</p>""" : "")}
            {Messages("media")}
            {Messages("uploads")}
            <input id="media" name="media" type="file" multiple accept="{string.Join(",", MediaInspector.AllowedExtensions)}" aria-describedby="media-hint media-error uploads-error"{(errors.ContainsKey("media") || errors.ContainsKey("uploads") ? " aria-invalid=\"true\"" : "")}>
            <div id="upload-progress" class="progress" hidden>
            <label for="upload-bar">{E(lang.T("Kemajuan unggahan", "Upload progress"))}</label>
            <progress id="upload-bar" max="100" value="0"></progress>
            <p id="upload-status" role="status" aria-live="polite"></p>
            </div>
            """;

        // Messages for fields the form does not show (e.g. an unknown field from a form tool) go to the summary only.
        var summary = errors.Count == 0 ? "" : $"""
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
            <h2>{E(lang.T("Periksa isian berikut", "Please check these fields"))}</h2>
            <ul>{string.Concat(errors.Select(kv => $"""<li><a href="#{E(Anchor(kv.Key))}">{E(FieldName(lang, kv.Key))}</a>: {E(Localize(lang, kv.Value.FirstOrDefault() ?? ""))}</li>"""))}</ul>
            </div>
            """;
        var text = JsonSerializer.Serialize(ScriptText(lang, limits));
        var body = $"""
            <nav class="lang-switch" aria-label="{E(lang.T("Bahasa", "Language"))}"><a href="?lang={other}" hreflang="{other}" lang="{other}">{(lang == Lang.En ? "Bahasa Indonesia" : "English")}</a></nav>
            <form class="card" id="submission-form" method="post" action="/{Routes.Submissions}" enctype="multipart/form-data" accept-charset="utf-8"
              data-uploads="/{Routes.Uploads}" data-direct-from="{DirectUploadFrom}" data-max-file="{limits.MaxFileBytes}" data-max-upload="{limits.MaxUploadBytes}"
              data-max-files="{limits.MaxFiles}" data-title-max="{SubmissionValidator.TitleMax}" data-allowed="{string.Join(",", MediaInspector.AllowedExtensions)}">
            <h1>{E(lang.T("Pengajuan konten", "Submit content"))}</h1>
            <p class="hint">{E(lang.T("Isian bertanda * wajib diisi.", "Fields marked * are required."))}</p>
            {summary}
            {fieldsHtml}
            <button type="submit" id="submit">{E(lang.T("Kirim", "Submit"))}</button>
            </form>
            <script type="application/json" id="form-text">{text.Replace("</", "<\\/")}</script>
            <script src="/{Routes.FormScript}" defer></script>
            """;
        return HtmlResult.Page(Page(lang, lang.T("Pengajuan konten", "Submit content"), body, unit.ShortName), status);
    }

    /// <summary>Server messages are "Indonesian / English": the Indonesian page shows both, the English page the English half.</summary>
    public static string Localize(Lang lang, string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        if (lang == Lang.Id || split < 0) return message;
        var en = message[(split + 3)..];
        return en.Length == 0 ? message : char.ToUpperInvariant(en[0]) + en[1..];
    }

    private static string Anchor(string field) => field switch
    {
        "uploads" => "media",
        _ when Known.Contains(field) => field,
        _ => "title",
    };

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "summary", "body", "contentType", "channels", "track", "team", "region", "program", "priorityProgram",
        "publishAt", "submitterName", "submitterEmail", "media",
    };

    private static string FieldName(Lang lang, string field) => field.ToLowerInvariant() switch
    {
        "title" => lang.T("Judul", "Title"),
        "summary" => lang.T("Ringkasan", "Summary"),
        "body" => lang.T("Isi", "Body"),
        "contenttype" => lang.T("Jenis konten", "Content type"),
        "channels" => lang.T("Kanal publikasi", "Channels"),
        "track" => lang.T("Jalur humas", "PR track"),
        "team" => lang.T("Tim", "Team"),
        "region" => lang.T("Kabupaten/kota", "Regency/city"),
        "program" => lang.T("Program", "Programme"),
        "priorityprogram" => lang.T("Program prioritas", "Priority programme"),
        "publishat" => lang.T("Jadwal terbit", "Publish at"),
        "submittername" => lang.T("Nama pengaju", "Your name"),
        "submitteremail" => lang.T("Email pengaju", "Your email"),
        "media" or "uploads" => "Media",
        _ => field,
    };

    private static string? PickerValue(string? value)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && value.Length > 16 && value.IndexOfAny(['+', 'Z', 'z'], 16) > 0)
            return t.ToWib().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return value.Length >= 16 ? value[..16] : value;
    }

    /// <summary>What the page's script says, in the page's language; its checks mirror the server's.</summary>
    private static Dictionary<string, string> ScriptText(Lang lang, IntakeOptions limits) => new()
    {
        ["required"] = lang.T("Wajib diisi", "Required"),
        ["titleTooLong"] = lang.T($"Paling banyak {SubmissionValidator.TitleMax} karakter", $"At most {SubmissionValidator.TitleMax} characters"),
        ["email"] = lang.T("Alamat email tidak valid", "Not a valid email address"),
        ["future"] = lang.T("Jadwal terbit harus di masa depan", "Must be in the future"),
        ["tooMany"] = lang.T($"Paling banyak {limits.MaxFiles} berkas", $"At most {limits.MaxFiles} files"),
        ["fileType"] = lang.T("Jenis berkas tidak diterima: {0}", "File type not accepted: {0}"),
        ["fileLarge"] = lang.T("Berkas terlalu besar: {0}", "File too large: {0}"),
        ["fileEmpty"] = lang.T("Berkas kosong: {0}", "The file is empty: {0}"),
        ["summary"] = lang.T("Periksa isian berikut", "Please check these fields"),
        ["uploading"] = lang.T("Mengunggah {0}: {1}%", "Uploading {0}: {1}%"),
        ["resuming"] = lang.T("Melanjutkan unggahan {0}", "Resuming the upload of {0}"),
        ["retrying"] = lang.T("Koneksi terputus, mencoba lagi…", "Connection dropped, retrying…"),
        ["uploaded"] = lang.T("Unggahan selesai, mengirim pengajuan…", "Upload finished, sending the submission…"),
        ["sending"] = lang.T("Mengirim…", "Sending…"),
        ["failed"] = lang.T("Pengiriman gagal. Coba lagi; unggahan yang sudah masuk tidak diulang.", "Sending failed. Try again; what was already uploaded is not sent twice."),
    };
}
