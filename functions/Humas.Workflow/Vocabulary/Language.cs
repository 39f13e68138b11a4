using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Vocabulary;

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
