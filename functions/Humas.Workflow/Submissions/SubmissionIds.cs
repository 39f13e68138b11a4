using System.Security.Cryptography;

namespace Humas.Workflow.Submissions;

/// <summary>Submission ids: the orchestration's instance id, the records' partition key and part of every blob name.</summary>
public static class SubmissionIds
{
    /// <summary>A sortable id that says when it was made: 20261128-7f3a9c2b1e.</summary>
    public static string New(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant()}";

    /// <summary>Whether the text has the shape <see cref="New"/> gives: yyyyMMdd, a hyphen, ten lower-case hex digits.</summary>
    public static bool IsValid(string text) =>
        text.Length == 19 && text[8] == '-' && text[..8].All(char.IsAsciiDigit) && text[9..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
