using Azure.Data.Tables;

namespace Humas.Workflow.Storage;

/// <summary>One line of the staff list, read from an index row.</summary>
public sealed record SubmissionRow(
    string Id, string Title, string Status, string? Stage, IReadOnlyList<string> Awaiting, string WaitingFor,
    string? Team, string? Region, string ContentType, string Track, IReadOnlyList<string> Channels,
    string? SubmitterName, string SubmitterEmail, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishAt, DateTimeOffset? Deadline, DateTimeOffset? CalendarAt, string? CalendarKind, int WorkflowVersion = 1)
{
    public static SubmissionRow From(TableEntity e)
    {
        static string? Blank(string? v) => string.IsNullOrEmpty(v) ? null : v;
        return new SubmissionRow(
            e.GetString("Id"), e.GetString("Title"), e.GetString("Status"), Blank(e.GetString("Stage")),
            (e.GetString("Awaiting") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries), e.GetString("WaitingFor") ?? "",
            Blank(e.GetString("Team")), Blank(e.GetString("Region")), e.GetString("ContentType"), e.GetString("Track"),
            (e.GetString("Channels") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Blank(e.GetString("SubmitterName")), e.GetString("SubmitterEmail"),
            e.GetDateTimeOffset("CreatedAt")!.Value, e.GetDateTimeOffset("UpdatedAt")!.Value,
            e.GetDateTimeOffset("PublishAt"), e.GetDateTimeOffset("Deadline"), e.GetDateTimeOffset("CalendarAt"), Blank(e.GetString("CalendarKind")),
            e.GetInt32("WorkflowVersion") ?? 1);
    }
}
