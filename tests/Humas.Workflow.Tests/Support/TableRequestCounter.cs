using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Tests.Support;

/// <summary>
/// Counts the HTTP requests the app's table clients send, each named by what it touches, so a test can hold the
/// storage cost of a workflow to a budget. Added per retry: a request the SDK sends again counts again.
/// </summary>
public sealed partial class TableRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<TableRequest> requests = new();

    public bool Counting { get; set; } = true;

    public IReadOnlyList<TableRequest> Requests => requests.ToList();

    public void Clear() => requests.Clear();

    /// <summary>A storage over the connection string whose table requests pass through this counter.</summary>
    public HumasStorage Storage(string connectionString)
    {
        var options = new TableClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return new HumasStorage(new TableServiceClient(connectionString, options), new BlobServiceClient(connectionString));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Note(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Note(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Note(HttpMessage message)
    {
        if (!Counting) return;
        var request = message.Request;
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var query = Uri.UnescapeDataString(request.Uri.Query);
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            // One request, however many rows it carries: the rows are noted beside it for the printout.
            var body = new MemoryStream();
            request.Content?.WriteTo(body, CancellationToken.None);
            var rows = RowInBatch().Matches(Uri.UnescapeDataString(Encoding.UTF8.GetString(body.ToArray())))
                .Select(m => $"{m.Groups["verb"].Value} {Kind(m.Groups["table"].Value,
                    m.Groups["row"].Success ? m.Groups["row"].Value : m.Groups["added"].Value, "")}").ToList();
            requests.Enqueue(new TableRequest("transaction", request.Method.ToString(), string.Join(" + ", rows)));
            return;
        }
        var target = Target().Match(path);
        var table = target.Success ? target.Groups["table"].Value : path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var row = target.Success ? target.Groups["row"].Value : "";
        requests.Enqueue(new TableRequest(Kind(table, row, query), request.Method.ToString(), $"{table} {row} {query}".Trim()));
    }

    /// <summary>What a request is for: the record, a history row, the index (marker, index and waiting rows), a marker, a claim, or other tables.</summary>
    public static string Kind(string table, string row, string query)
    {
        var key = row.Length > 0 ? row : FilteredRow().Match(query) is { Success: true } m ? m.Groups["row"].Value : "";
        return table switch
        {
            HumasStorage.SubmissionsTable when key == "record" => "record",
            HumasStorage.SubmissionsTable when key.StartsWith("history", StringComparison.Ordinal) => "history",
            HumasStorage.SubmissionsTable when key == IndexMarker.RowKey => "index",
            HumasStorage.SubmissionsTable when key.StartsWith("claim", StringComparison.Ordinal)
                || key.StartsWith("handover", StringComparison.Ordinal) || key.StartsWith("progress", StringComparison.Ordinal) => "claims",
            HumasStorage.SubmissionsTable => "markers",
            HumasStorage.SubmissionIndexTable or HumasStorage.WaitingTable => "index",
            _ => "other",
        };
    }

    [GeneratedRegex(@"(?<table>[A-Za-z0-9]+)\(PartitionKey='(?<partition>[^']*)',RowKey='(?<row>[^']*)'\)")]
    private static partial Regex Target();

    [GeneratedRegex(@"(?<verb>PUT|MERGE|PATCH|POST|DELETE) [^ ]*/(?<table>[A-Za-z0-9]+)(\(PartitionKey='[^']*',RowKey='(?<row>[^']*)'\)| HTTP.*?""RowKey"":""(?<added>[^""]*)"")",
        RegexOptions.Singleline)]
    private static partial Regex RowInBatch();

    [GeneratedRegex(@"RowKey (eq|ge) '(?<row>[^']*)'")]
    private static partial Regex FilteredRow();
}

/// <summary>One request: its kind, its HTTP method, and what it named.</summary>
public sealed record TableRequest(string Kind, string Method, string Target);
