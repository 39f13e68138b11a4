using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Pages;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Storage;

/// <summary>
/// Index rows of the submissions, so the staff list reads one partition instead of the whole Submissions table: one row
/// per submission, newest first, in <c>all</c>, whose key never changes (a state change rewrites it in place; the status
/// is a column the table filters on, the WIB month it was submitted a range of its keys), and the editorial calendar by
/// the WIB month it is scheduled or was published in (<c>calendar-2025-06</c>). Each row carries what the list shows, so
/// a page needs no record reads. Earlier releases also kept rows by status and by month; nothing reads those any more,
/// and a submission's next save removes its own (its index marker names them).
/// </summary>
public sealed class SubmissionIndex(HumasStorage storage)
{
    public const string All = "all";
    private TableClient Table => storage.Table(HumasStorage.SubmissionIndexTable);

    /// <summary>Where earlier releases kept a submission by status and by month (their rows are removed as the submissions move on).</summary>
    public static string StatusPartition(SubmissionStatus s) => $"status-{s}";
    public static string MonthPartition(string month) => $"month-{month}";
    public static string CalendarPartition(string month) => $"calendar-{month}";

    /// <summary>Newest first: the row key counts down from the end of time, then the id keeps two of one instant apart.</summary>
    public static string NewestFirst(Submission s) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - s.CreatedAt.UtcTicks:D19}-{s.Id}";

    /// <summary>The first row key of a month in a newest-first partition, and the one past its end.</summary>
    public static (string From, string Before) MonthRange(string month)
    {
        var start = MonthStart(month);
        var next = start.AddMonths(1);
        return ($"{DateTimeOffset.MaxValue.UtcTicks - next.UtcTicks + 1:D19}", $"{DateTimeOffset.MaxValue.UtcTicks - start.UtcTicks + 1:D19}");
    }

    /// <summary>The first moment of a WIB month (yyyy-MM).</summary>
    public static DateTimeOffset MonthStart(string month)
    {
        var local = DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Wib.Zone.GetUtcOffset(local));
    }

    public static string MonthOf(DateTimeOffset t) => t.ToWib().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The calendar date of an item: when it was published, or when it is to be (scheduled, or asked for while in the pipeline).</summary>
    public static (DateTimeOffset At, string Kind)? CalendarDate(Submission s) => s.Status switch
    {
        SubmissionStatus.Published => (s.UpdatedAt, "published"),
        SubmissionStatus.Scheduled or SubmissionStatus.Approved or SubmissionStatus.Publishing when s.Content.PublishAt is { } at => (at, "scheduled"),
        _ when !s.Status.IsFinal() && s.Content.PublishAt is { } at => (at, "planned"),
        _ => null,
    };

    public static IReadOnlyList<IndexKey> KeysFor(Submission s)
    {
        var row = NewestFirst(s);
        var keys = new List<IndexKey>
        {
            new(All, row),
        };
        if (CalendarDate(s) is { } day)
            keys.Add(new IndexKey(CalendarPartition(MonthOf(day.At)),
                $"{day.At.ToWib().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}-{s.Id}"));
        return keys;
    }

    /// <summary>Writes the rows a submission has now and removes the ones it no longer has; repeating it changes nothing.</summary>
    public async Task ApplyAsync(Submission s, IReadOnlyList<IndexKey> current, IReadOnlyList<IndexKey> stale, CancellationToken ct = default)
    {
        var entity = Summary(s);
        await Task.WhenAll(current.Select(k =>
        {
            var row = new TableEntity(entity) { PartitionKey = k.Partition, RowKey = k.Row };
            return Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        }));
        await Task.WhenAll(stale.Select(k => Table.DeleteEntityAsync(k.Partition, k.Row, ETag.All, ct)));
    }

    /// <summary>The rows beside the one in <c>all</c> (a calendar day), and the removal of those a submission no longer has.</summary>
    public Task ApplyOthersAsync(Submission s, IReadOnlyList<IndexKey> current, IReadOnlyList<IndexKey> stale, CancellationToken ct = default) =>
        ApplyAsync(s, current.Where(k => k.Partition != All).ToList(), stale, ct);

    /// <summary>
    /// Writes a submission's row in <c>all</c> unless a later step of it is there already, and answers the row's ETag.
    /// Every write is conditional on the ETag of the row it compared with, so the row only ever moves forward: two
    /// writers of one submission (a staff change and the workflow, a second worker) cannot leave an older state in the
    /// list. <paramref name="known"/> is the ETag this process left on the row last time (no read needed when nobody
    /// else wrote since); <paramref name="isNew"/> adds the row of a submission intake has just stored.
    /// </summary>
    public async Task<ETag> PutAsync(Submission s, ETag? known, bool isNew = false, CancellationToken ct = default)
    {
        var entity = new TableEntity(Summary(s)) { PartitionKey = All, RowKey = NewestFirst(s) };
        var etag = known;
        for (var attempt = 0; ; attempt++)
        {
            if (etag is null && !isNew)
            {
                var found = await Table.GetEntityIfExistsAsync<TableEntity>(All, entity.RowKey, ["LastStep"], ct);
                if (found.HasValue && (found.Value!.GetInt32("LastStep") ?? -1) > s.LastStep) return found.Value.ETag;
                etag = found.HasValue ? found.Value!.ETag : null;
            }
            try
            {
                var response = etag is { } e
                    ? await Table.UpdateEntityAsync(entity, e, TableUpdateMode.Replace, ct)
                    : await Table.AddEntityAsync(entity, ct);
                return response.Headers.ETag ?? ETag.All;
            }
            catch (RequestFailedException x) when (x.Status is 404 or 409 or 412 && attempt < 10)
            {
                // Another writer got in between (or the row is not where this process last saw it): compare again.
                etag = null;
                isNew = false;
            }
        }
    }

    /// <summary>Removes every index row a marker names (a submission taken back at intake).</summary>
    public Task RemoveAsync(IndexMarker marker, CancellationToken ct = default) =>
        Task.WhenAll(marker.Current.Concat(marker.Stale).Select(IndexKey.Parse)
            .Select(k => Table.DeleteEntityAsync(k.Partition, k.Row, ETag.All, ct)));

    /// <summary>What the list shows of a submission, in columns that the table's own filter can compare.</summary>
    public static TableEntity Summary(Submission s)
    {
        var c = s.Content;
        var day = CalendarDate(s);
        return new TableEntity
        {
            ["Id"] = s.Id,
            ["Title"] = c.Title,
            ["TitleSearch"] = SubmissionQuery.Fold(c.Title),
            ["Status"] = s.Status.ToString(),
            ["Stage"] = s.WaitingStage?.ToString() ?? "",
            ["Round"] = s.Round,
            ["Awaiting"] = "|" + string.Join("|", s.Awaiting.Select(a => a.ToLowerInvariant())) + "|",
            ["WaitingFor"] = string.Join("; ", s.WaitingFor),
            ["Team"] = c.Team ?? "",
            ["Region"] = c.Region ?? "",
            ["ContentType"] = c.ContentType,
            ["Track"] = c.Track,
            ["Channels"] = string.Join(",", c.Channels),
            ["SubmitterName"] = c.SubmitterName ?? "",
            ["SubmitterEmail"] = c.SubmitterEmail,
            ["CreatedAt"] = s.CreatedAt,
            ["UpdatedAt"] = s.UpdatedAt,
            ["Month"] = MonthOf(s.CreatedAt),
            ["PublishAt"] = c.PublishAt,
            ["Deadline"] = s.Deadline,
            ["CalendarAt"] = day?.At,
            ["CalendarKind"] = day?.Kind,
            ["LastStep"] = s.LastStep,
            ["WorkflowVersion"] = s.WorkflowVersion,
        };
    }

    /// <summary>
    /// One page of the list: the newest-first partition (a month is a range of its keys), its equality filters applied
    /// by the table, the person and title search applied here; the token is the last row key returned.
    /// </summary>
    public async Task<SubmissionPage> ListAsync(SubmissionQuery q, CancellationToken ct = default)
    {
        var (from, before) = q.Month is { } month ? MonthRange(month) : ((string?)null, (string?)null);

        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {All}") };
        var after = q.After ?? from;
        if (after is not null)
            clauses.Add(q.After is null
                ? TableClient.CreateQueryFilter($"RowKey ge {after}")
                : TableClient.CreateQueryFilter($"RowKey gt {after}"));
        if (before is not null) clauses.Add(TableClient.CreateQueryFilter($"RowKey lt {before}"));
        void Equal(string column, string? value)
        {
            // The column is a name, not a value: only the value goes through the quoting.
            if (value is not null) clauses.Add($"{column} eq {TableClient.CreateQueryFilter($"{value}")}");
        }
        Equal("Status", q.Status?.ToString());
        Equal("Stage", q.Stage?.ToString());
        Equal("Team", q.Team);
        Equal("Region", q.Region);
        Equal("ContentType", q.ContentType);
        Equal("Track", q.Track);
        var filter = string.Join(" and ", clauses);

        var items = new List<SubmissionRow>();
        string? last = null;
        var more = false;
        // Ask for one more row than the page when the table applies every filter (that row tells whether a next page
        // exists); when rows are still checked here, ask in larger steps.
        var perPage = q.WaitingFor is null && q.Search is null && q.WorkflowVersion is null ? q.PageSize + 1 : 1000;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: perPage, cancellationToken: ct))
        {
            if (!q.Matches(row)) continue;
            if (items.Count == q.PageSize)
            {
                more = true;
                break;
            }
            items.Add(SubmissionRow.From(row));
            last = row.RowKey;
        }
        return new SubmissionPage(items, more ? last : null);
    }

    /// <summary>The calendar rows of one WIB month, in date order.</summary>
    public async Task<IReadOnlyList<SubmissionRow>> CalendarAsync(string month, CancellationToken ct = default)
    {
        var items = new List<SubmissionRow>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == CalendarPartition(month), cancellationToken: ct))
            items.Add(SubmissionRow.From(row));
        return items;
    }

    /// <summary>The rows of one partition (the tests look at where a submission is indexed).</summary>
    public async Task<IReadOnlyList<string>> IdsInAsync(string partition, CancellationToken ct = default)
    {
        var ids = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["Id"], cancellationToken: ct))
            ids.Add(row.GetString("Id"));
        return ids;
    }
}
