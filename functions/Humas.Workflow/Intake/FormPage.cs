using Humas.Workflow.Vocabulary;
using System.Globalization;
using Humas.Workflow.Configuration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Intake;

/// <summary>
/// GET /: the submission form (<see cref="SubmissionForm"/>). A plain HTML form that works without JavaScript (multipart
/// post, 303 to the tracking page); with JavaScript, large files go straight to Blob Storage in blocks with a progress bar.
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

    public IResult Render(HttpRequest request, SubmissionFields? values, IDictionary<string, string[]>? errors, int status) =>
        PageResult.Of<SubmissionForm>(new Dictionary<string, object?>
        {
            [nameof(SubmissionForm.Unit)] = unit,
            [nameof(SubmissionForm.Limits)] = limits,
            [nameof(SubmissionForm.Lang)] = Language.Of(request),
            [nameof(SubmissionForm.Values)] = values,
            [nameof(SubmissionForm.Errors)] = errors ?? new Dictionary<string, string[]>(),
        }, status);

    /// <summary>Server messages are "Indonesian / English": the Indonesian page shows both, the English page the English half.</summary>
    public static string Localize(Lang lang, string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        if (lang == Lang.Id || split < 0) return message;
        var en = message[(split + 3)..];
        return en.Length == 0 ? message : char.ToUpperInvariant(en[0]) + en[1..];
    }
}
