using System.Globalization;
using System.Text.Encodings.Web;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Pages;

public static class Wib
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }

    public static DateTimeOffset ToWib(this DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    public static string Format(DateTimeOffset? t, Lang lang = Lang.Id) =>
        t is null ? "-" : t.Value.ToWib().ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo(lang == Lang.En ? "en-GB" : "id-ID")) + " WIB";
}

public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A link to the same page in the other language; a bare query keeps the address, token included.</summary>
    public static string LangSwitch(Lang lang)
    {
        var other = lang == Lang.En ? "id" : "en";
        return $"""<nav class="lang-switch" aria-label="{E(lang.T("Bahasa", "Language"))}"><a href="?lang={other}" hreflang="{other}" lang="{other}">{(lang == Lang.En ? "Bahasa Indonesia" : "English")}</a></nav>""";
    }

    /// <summary>A moment shown in WIB, with the UTC instant kept machine-readable.</summary>
    public static string Time(DateTimeOffset? t, Lang lang) =>
        t is null ? "-" : $"""<time datetime="{t.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}">{E(Wib.Format(t, lang))}</time>""";

    /// <summary>How long is left until a deadline: days and hours, minutes in the last hour.</summary>
    public static string Remaining(TimeSpan left, Lang lang)
    {
        if (left <= TimeSpan.Zero) return lang.T("batas waktu sudah lewat", "the deadline has passed");
        string Part(int n, string id, string en) => $"{n} {(lang == Lang.En ? (n == 1 ? en : en + "s") : id)}";
        var parts = left.TotalHours < 1
            ? [Part(Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)), "menit", "minute")]
            : new[] { left.Days > 0 ? Part(left.Days, "hari", "day") : null, left.Hours > 0 ? Part(left.Hours, "jam", "hour") : null }.OfType<string>().ToArray();
        return lang == Lang.En ? string.Join(" ", parts) + " left" : "sisa " + string.Join(" ", parts);
    }

    public static string Size(long bytes, Lang lang)
    {
        var culture = CultureInfo.GetCultureInfo(lang == Lang.En ? "en-GB" : "id-ID");
        return bytes switch
        {
            < 1024 => $"{bytes} B",
            < 1024 * 1024 => string.Format(culture, "{0:0} KB", bytes / 1024.0),
            < 1024L * 1024 * 1024 => string.Format(culture, "{0:0.#} MB", bytes / (1024.0 * 1024)),
            _ => string.Format(culture, "{0:0.##} GB", bytes / (1024.0 * 1024 * 1024)),
        };
    }

    public static string Page(Lang lang, string title, string body, string? unitName = null) => $$"""
        <!DOCTYPE html>
        <html lang="{{lang.Code()}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
        :root { --ink:#1d2733; --muted:#55606e; --accent:#0b5cad; --ok:#1c7c3c; --bad:#b3261e; --line:#d5dbe3; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f6f8fb; }
        header { background: var(--accent); color: #fff; padding: .75rem 1rem; }
        header a { color: #fff; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
        label { display: block; font-weight: 600; margin-top: .9rem; }
        .hint { color: var(--muted); font-size: .9rem; margin: .1rem 0 .3rem; }
        .error { color: var(--bad); font-weight: 600; }
        input, select, textarea { width: 100%; font: inherit; padding: .5rem; border: 1px solid #8a96a3; border-radius: .35rem; }
        input[type=checkbox], input[type=radio] { width: auto; }
        button, .button { font: inherit; padding: .6rem 1.1rem; border: 0; border-radius: .35rem; background: var(--accent); color: #fff; cursor: pointer; margin: .6rem .4rem 0 0; text-decoration: none; display: inline-block; }
        button.reject { background: var(--bad); } button.revise { background: #8a5a00; } button.approve, button.accept { background: var(--ok); }
        :focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; box-shadow: 0 0 0 6px #1d2733; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; color: var(--ink); padding: .4rem .8rem; z-index: 1; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .required { color: var(--bad); }
        .choice { display: inline-flex; gap: .4rem; align-items: center; font-weight: normal; margin: .4rem 1rem .2rem 0; min-height: 2.75rem; }
        .choice input { width: 1.25rem; height: 1.25rem; }
        .error:empty { display: none; }
        .error { margin: .2rem 0; }
        [aria-invalid=true] { border: 2px solid var(--bad); }
        .error-summary { border: 3px solid var(--bad); border-radius: .35rem; padding: .5rem 1rem; margin: .5rem 0 1rem; }
        .error-summary h2 { font-size: 1.1rem; margin: .3rem 0; } .error-summary a { color: var(--bad); font-weight: 600; }
        .lang-switch { text-align: right; margin: 0 0 .5rem; } a { color: var(--accent); }
        progress { width: 100%; height: 1.25rem; accent-color: var(--accent); }
        button[disabled] { opacity: .6; cursor: progress; }
        @media (max-width: 30rem) { main { padding: .5rem; } .card { padding: .75rem; } button { width: 100%; } }
        table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .35rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .status { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; background: #e7eef7; }
        img.media, video.media { max-width: 100%; height: auto; border-radius: .35rem; }
        fieldset { border: 1px solid var(--line); border-radius: .35rem; } legend { font-weight: 600; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .2rem 0 .6rem; overflow-wrap: anywhere; } h2 { font-size: 1.2rem; margin: .2rem 0 .6rem; }
        .lead { font-size: 1.05rem; } .muted { color: var(--muted); }
        blockquote { margin: .4rem 0; padding: .5rem .8rem; border-left: 4px solid #8a96a3; background: #f6f8fb; white-space: pre-wrap; overflow-wrap: anywhere; }
        .status[data-status=Published], .status[data-status=Approved] { background: #e3f1e7; color: #14532d; }
        .status[data-status=Rejected], .status[data-status=Withdrawn], .status[data-status=Expired], .status[data-status=PublicationFailed], .status[data-status=Failed] { background: #fbe9e7; color: #8c1d18; }
        .status[data-status=RevisionRequested], .status[data-status=NotConfigured] { background: #fdf0d5; color: #6b4500; }
        ol.steps { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; padding: 0; margin: .6rem 0; }
        ol.steps li { flex: 1 1 7rem; padding: .45rem .6rem; border-radius: .35rem; background: #eef2f7; color: var(--muted); border: 2px solid transparent; }
        ol.steps li.done { background: #e3f1e7; color: #14532d; }
        ol.steps li[aria-current] { background: #fff; color: var(--ink); border-color: var(--accent); font-weight: 600; }
        ol.steps li.stopped { background: #fbe9e7; color: #8c1d18; border-color: var(--bad); font-weight: 600; }
        ol.timeline { list-style: none; margin: 0 0 0 .45rem; padding: 0; border-left: 3px solid var(--line); }
        ol.timeline > li { position: relative; padding: 0 0 1rem 1.2rem; }
        ol.timeline > li::before { content: ""; position: absolute; left: -.6rem; top: .3rem; width: .9rem; height: .9rem; border-radius: 50%; background: #fff; border: 3px solid var(--accent); }
        ol.timeline > li.good::before { border-color: var(--ok); background: var(--ok); } ol.timeline > li.bad::before { border-color: var(--bad); background: var(--bad); }
        ol.timeline > li.warn::before { border-color: #8a5a00; }
        ol.timeline time, .when { display: block; color: var(--muted); font-size: .9rem; }
        .who { margin: .1rem 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: .5rem 0; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        ul.plain { list-style: none; padding: 0; margin: 0; } ul.plain > li { border-top: 1px solid var(--line); padding: .6rem 0; } ul.plain > li:first-child { border-top: 0; }
        figure.media { margin: .8rem 0; } figure.media figcaption { color: var(--muted); font-size: .9rem; margin-top: .25rem; overflow-wrap: anywhere; }
        audio.media { width: 100%; } article section { margin-top: 1.2rem; }
        .choices { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .6rem 1rem; align-items: center; margin-top: .8rem; }
        .choices button { margin: 0; width: 100%; } .choices .next { margin: 0; }
        textarea { resize: vertical; }
        summary { cursor: pointer; font-weight: 600; padding: .6rem 0; } summary.danger { color: var(--bad); }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; background: #f6f8fb; padding: .5rem; border-radius: .35rem; max-height: 16rem; overflow: auto; }
        @media (max-width: 30rem) { h1 { font-size: 1.35rem; } .choices { grid-template-columns: 1fr; gap: .2rem; } .choices .next { margin-bottom: .6rem; }
          dl.facts { grid-template-columns: 1fr; gap: 0; } dl.facts dd { margin-bottom: .45rem; } ol.steps li { flex-basis: 40%; } }
        </style>
        </head>
        <body>
        <a class="skip" href="#main">{{(lang == Lang.En ? "Skip to content" : "Langsung ke isi")}}</a>
        <header><strong>{{E(unitName ?? "Humas")}}</strong> · {{E(title)}}</header>
        <main id="main">
        {{body}}
        </main>
        </body>
        </html>
        """;
}
