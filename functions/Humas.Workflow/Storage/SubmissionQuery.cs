using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Workflow.Storage;

/// <summary>
/// The staff list's filters, read from the query string: <c>status</c>, <c>stage</c>, <c>waitingFor</c> (a person key,
/// or part of a name), <c>team</c>, <c>region</c>, <c>contentType</c>, <c>track</c>, <c>month</c> (yyyy-MM, WIB, the
/// month it was submitted), <c>q</c> (words of the title), <c>workflowVersion</c>, <c>pageSize</c> and <c>continuationToken</c>.
/// </summary>
public sealed partial record SubmissionQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public SubmissionStatus? Status { get; init; }
    public Stage? Stage { get; init; }
    public string? WaitingFor { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }
    public string? ContentType { get; init; }
    public string? Track { get; init; }
    public string? Month { get; init; }
    public string? Search { get; init; }

    /// <summary>The workflow version the submissions run: which ones still need an old path before it is retired.</summary>
    public int? WorkflowVersion { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The row key the previous page ended on.</summary>
    public string? After { get; init; }

    /// <summary>Reads the filters; every value it cannot use is named in <paramref name="errors"/>.</summary>
    public static SubmissionQuery Parse(IQueryCollection query, UnitProfile unit, out Dictionary<string, string[]> errors, int? maxPageSize = null)
    {
        var bad = new Dictionary<string, string[]>();
        string? Text(string name)
        {
            var v = query[name].ToString().Trim();
            if (v.Length > 200) bad[name] = ["Paling banyak 200 karakter / at most 200 characters"];
            return v.Length == 0 ? null : v;
        }
        T? Enum<T>(string name) where T : struct, System.Enum
        {
            var v = Text(name);
            if (v is null) return null;
            if (System.Enum.TryParse<T>(v, ignoreCase: true, out var parsed) && !int.TryParse(v, out _)) return parsed;
            bad[name] = [$"Nilai yang dikenal / known values: {string.Join(", ", System.Enum.GetNames<T>())}"];
            return null;
        }
        string? OneOf(string name, IEnumerable<string> allowed)
        {
            var v = Text(name);
            if (v is null) return null;
            var found = allowed.FirstOrDefault(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase));
            if (found is null) bad[name] = [$"Nilai yang dikenal / known values: {string.Join(", ", allowed)}"];
            return found;
        }

        var month = Text("month");
        if (month is not null && !IsMonth(month)) bad["month"] = [MonthReason];
        var pageSize = DefaultPageSize;
        var size = Text("pageSize");
        var max = maxPageSize ?? MaxPageSize;
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > max))
            bad["pageSize"] = [$"Bilangan 1 sampai {max} / a number from 1 to {max}"];
        int? workflowVersion = null;
        if (Text("workflowVersion") is { } version)
        {
            if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 1000) workflowVersion = v;
            else bad["workflowVersion"] = ["Bilangan 1 sampai 1000 / a number from 1 to 1000"];
        }
        string? after = null;
        if (Text("continuationToken") is { } token && (after = ReadToken(token)) is null)
            bad["continuationToken"] = ["Token lanjutan tidak dikenal / unknown continuation token"];

        var result = new SubmissionQuery
        {
            Status = Enum<SubmissionStatus>("status"),
            Stage = Enum<Submissions.Stage>("stage"),
            WaitingFor = Text("waitingFor"),
            Team = OneOf("team", unit.Teams.Select(t => t.Id)),
            Region = OneOf("region", unit.Regions.Select(r => r.Code)),
            ContentType = OneOf("contentType", ContentTypes.All),
            Track = OneOf("track", Tracks.All),
            Month = bad.ContainsKey("month") ? null : month,
            Search = Text("q"),
            WorkflowVersion = workflowVersion,
            PageSize = pageSize,
            After = after,
        };
        errors = bad;
        return result;
    }

    /// <summary>
    /// The filters the table cannot apply: the person waited for, words of the title, and the workflow version (rows
    /// written before it was kept have no such column and ran version 1).
    /// </summary>
    public bool Matches(TableEntity row)
    {
        if (WorkflowVersion is { } version && (row.GetInt32("WorkflowVersion") ?? 1) != version) return false;
        if (WaitingFor is { } person)
        {
            var key = person.ToLowerInvariant();
            var keys = row.GetString("Awaiting") ?? "";
            var names = row.GetString("WaitingFor") ?? "";
            if (!keys.Contains($"|{key}|", StringComparison.Ordinal) && !names.Contains(person, StringComparison.OrdinalIgnoreCase)) return false;
        }
        if (Search is { } search)
        {
            var title = row.GetString("TitleSearch") ?? "";
            if (!Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => title.Contains(w, StringComparison.Ordinal))) return false;
        }
        return true;
    }

    /// <summary>Lower case without accents or punctuation, so "Kurikulum" finds "KURIKULUM," and "é" finds "e".</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return " " + string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }

    public const string MonthReason = "Bulan yyyy-MM dari 2000-01 sampai 2100-12, mis. 2025-06 / a month as yyyy-MM from 2000-01 to 2100-12, e.g. 2025-06";

    /// <summary>
    /// A month as yyyy-MM within the years targets are kept for; months far outside them would also overflow the
    /// newest-first row keys (year 9999 has no next month).
    /// </summary>
    public static bool IsMonth(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100;

    public static string Token(string rowKey) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("v1:" + rowKey));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{19}-[0-9A-Za-z-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex RowKeyPattern();

    private static string? ReadToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            // Only the shape of a row key the list hands out: newest-first ticks, a hyphen, a submission id.
            return text.StartsWith("v1:", StringComparison.Ordinal) && RowKeyPattern().IsMatch(text[3..]) ? text[3..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
