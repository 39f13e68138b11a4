using System.Globalization;
using System.Text.Json;
using Humas.Workflow.Http;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Targets;

/// <summary>Reads a JSON object body field by field, collecting a reason per bad field.</summary>
public sealed class JsonFields(JsonElement root)
{
    /// <summary>A register entry is a few short fields; anything much larger is not one.</summary>
    public const int Limit = 64 * 1024;

    public static async Task<(JsonFields? Body, IResult? Refused)> ReadAsync(HttpContext http)
    {
        var (document, refused) = await JsonBody.ReadAsync(http, Limit);
        if (refused is not null) return (null, refused);
        using (document)
        {
            if (document!.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Problems.Field(400, "body", "Harus objek JSON / must be a JSON object"));
            return (new JsonFields(document.RootElement.Clone()), null);
        }
    }

    /// <summary>
    /// A trimmed string, or null when absent; a reason in <paramref name="errors"/> when it is no string, too long, or holds
    /// control characters (line breaks only where <paramref name="multiline"/>), which have no place in a register and
    /// would reach mail headers and spreadsheets.
    /// </summary>
    public string? Text(string field, Dictionary<string, string[]> errors, bool required = false, int max = 1000, bool multiline = false)
    {
        if (!root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null ||
            (v.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetString())))
        {
            if (required) errors[field] = ["Wajib diisi / required"];
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            errors[field] = ["Harus teks / must be a string"];
            return null;
        }
        string text;
        try
        {
            text = v.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) makes no text.
            errors[field] = ["Teks tidak sah / not valid text"];
            return null;
        }
        if (text.Length > max) errors[field] = [$"Paling banyak {max} karakter / at most {max} characters"];
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            errors[field] = ["Tanpa karakter kendali / no control characters"];
        return text;
    }

    public string? Url(string field, Dictionary<string, string[]> errors, bool required = false)
    {
        var text = Text(field, errors, required, 2000);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors[field] = ["Harus alamat http(s) lengkap / must be an absolute http(s) address"];
            return null;
        }
        return uri.ToString();
    }

    /// <summary>Registers count toward yearly targets, which begin in 2000 (see <c>/api/targets/{year}</c>).</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>A required calendar date (yyyy-MM-dd) from 2000 and not after today.</summary>
    public DateOnly? Date(string field, Dictionary<string, string[]> errors, DateOnly today)
    {
        var text = Text(field, errors, required: true, max: 10);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = ["Tanggal yyyy-MM-dd / a date as yyyy-MM-dd"];
            return null;
        }
        if (day < Earliest)
        {
            errors[field] = ["Paling awal 2000-01-01 / not before 2000-01-01"];
            return null;
        }
        if (day > today)
        {
            errors[field] = ["Tidak boleh di masa depan / must not be in the future"];
            return null;
        }
        return day;
    }
}
