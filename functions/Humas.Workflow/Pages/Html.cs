using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Pages;

/// <summary>What people read is Indonesian first, English second.</summary>
public enum Lang
{
    Id,
    En,
}

public static class Language
{
    /// <summary>An explicit <c>?lang=</c> wins, then the browser's preference; Indonesian otherwise.</summary>
    public static Lang Of(HttpRequest request)
    {
        var q = request.Query["lang"].ToString();
        if (q.Length > 0) return q.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Id;
        var accept = request.Headers.AcceptLanguage.ToString();
        var first = accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return first.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Id;
    }

    public static string T(this Lang lang, string id, string en) => lang == Lang.En ? en : id;

    public static string Code(this Lang lang) => lang == Lang.En ? "en" : "id";
}

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
