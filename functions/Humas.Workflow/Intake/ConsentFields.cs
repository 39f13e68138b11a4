using System.Text.RegularExpressions;

namespace Humas.Workflow.Intake;

/// <summary>The submission-level consent fields: <c>consentId</c> (a consent register's id) or a <c>consentDocument</c> file.</summary>
public static partial class ConsentFields
{
    public const string Id = "consentId";
    public const string Document = MultipartSubmissionReader.ConsentDocumentField;
    public const int IdMax = 64;

    public static string? IdProblem(string id) =>
        id.Length <= IdMax && IdShape().IsMatch(id)
            ? null
            : $"Nomor persetujuan berupa huruf, angka dan tanda hubung, paling banyak {IdMax} / a consent id is letters, digits and hyphens, at most {IdMax}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex IdShape();
}
