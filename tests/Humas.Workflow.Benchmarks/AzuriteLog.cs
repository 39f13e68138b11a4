using System.Globalization;
using System.Text.RegularExpressions;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// Reads Azurite's debug log (<c>--debug</c>). Each request writes a line when Azurite starts handling it:
/// <c>2026-11-29T01:31:10.758Z {request id} info: TableStorageContextMiddleware: RequestMethod=GET RequestURL=http://127.0.0.1/devstoreaccount1/Submissions(...) RequestHeaders:{...}</c>;
/// later lines under the same request id hold the body of an insert (<c>deserialize(): Raw request body string is</c>),
/// the body of a batch (<c>TableHandler:batch() Raw request string is</c>) and the status (<c>EndMiddleware: End response</c>).
/// </summary>
public static partial class AzuriteLog
{
    public static List<LoggedRequest> Read(string path, string ownUserAgent)
    {
        var requests = new List<LoggedRequest>();
        var byId = new Dictionary<string, LoggedRequest>();
        var sentBefore = new HashSet<(string, string, string)>();
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal))
            {
                if (RequestLine().Match(line) is not { Success: true } m) continue;
                var target = Uri.UnescapeDataString(m.Groups["path"].Value);
                var resource = ResourceName().Match(target).Value;
                var headers = m.Groups["headers"].Value;
                var clientId = ClientRequestId().Match(headers) is { Success: true } c ? c.Groups[1].Value : null;
                var request = new LoggedRequest(requests.Count,
                    DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    m.Groups["id"].Value, m.Groups["service"].Value, m.Groups["method"].Value, resource, target, clientId,
                    headers.Contains(ownUserAgent, StringComparison.Ordinal), resource == "$batch",
                    SentDate().Match(headers) is { Success: true } d
                    && DateTimeOffset.TryParse(d.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent) ? sent : null)
                {
                    // The Azure SDKs send a retry with the client request id of the first try. The engine gives one id to
                    // every request of a work item, so only the same request again (same method and URL) is a retry.
                    Repeated = clientId is not null && !sentBefore.Add((clientId, m.Groups["method"].Value, target)),
                };
                AddUrlRows(request, target);
                requests.Add(request);
                byId[request.Id] = request;
                continue;
            }
            if (line.Contains("EndMiddleware: End response.", StringComparison.Ordinal))
            {
                if (EndLine().Match(line) is { Success: true } e && byId.TryGetValue(e.Groups["id"].Value, out var ended))
                    ended.Status = int.Parse(e.Groups["status"].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (line.Contains("TableHandler:batch() Raw request string is", StringComparison.Ordinal))
            {
                if (IdOf(line) is { } id && byId.TryGetValue(id, out var batch) && batch.IsBatch && batch.Rows.Count == 0)
                    AddBatchRows(batch, line);
                continue;
            }
            if (line.Contains("deserialize(): Raw request body string is", StringComparison.Ordinal))
            {
                // An insert names its keys only in its body.
                if (IdOf(line) is { } id && byId.TryGetValue(id, out var insert) && insert is { Service: "Table", IsBatch: false }
                    && insert.Rows.Count == 1 && insert.Rows[0].PartitionKey is null)
                {
                    insert.Rows[0] = new RowTouch(insert.Resource,
                        JsonKey("PartitionKey").Match(line) is { Success: true } p ? p.Groups[1].Value : null,
                        JsonKey("RowKey").Match(line) is { Success: true } r ? r.Groups[1].Value : null);
                }
            }
        }
        return requests;
    }

    /// <summary>Waits until Azurite has logged a request whose URL holds <paramref name="text"/> (its log is written behind its work).</summary>
    public static async Task WaitForAsync(string path, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long checkedUpTo = 0;
        while (true)
        {
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                // Lines are short next to the overlap kept, so a line cut at the last look is read whole now.
                stream.Seek(Math.Max(0, checkedUpTo - 64 * 1024), SeekOrigin.Begin);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                    if (line.Contains(text, StringComparison.Ordinal)) return;
                checkedUpTo = stream.Length;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Azurite's debug log did not show {text} within {timeout.TotalSeconds:N0} s.");
            await Task.Delay(100);
        }
    }

    private static void AddUrlRows(LoggedRequest request, string target)
    {
        if (request.IsBatch) return;
        if (request.Service != "Table")
        {
            // A blob is named {container}/{first segment}/...: media and the engine's large messages start with the id.
            var segments = target.Split('?', 2)[0].Split('/');
            request.Rows.Add(new RowTouch(request.Resource, segments.Length > 1 ? segments[1] : null, null));
            return;
        }
        if (PointKeys().Match(target) is { Success: true } k)
        {
            request.Rows.Add(new RowTouch(request.Resource, Unquote(k.Groups["pk"].Value), Unquote(k.Groups["rk"].Value)));
            return;
        }
        var filter = target.Contains("$filter=", StringComparison.Ordinal) ? target[(target.IndexOf("$filter=", StringComparison.Ordinal) + 8)..] : "";
        request.Rows.Add(new RowTouch(request.Resource,
            FilterPartition().Match(filter) is { Success: true } p ? Unquote(p.Groups[1].Value) : null,
            FilterRow().Match(filter) is { Success: true } r ? Unquote(r.Groups[1].Value) : null));
    }

    private static void AddBatchRows(LoggedRequest batch, string line)
    {
        var operations = BatchOperation().Matches(line);
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var table = op.Groups["table"].Value;
            if (op.Groups["keys"].Success && PointKeys().Match(Uri.UnescapeDataString(op.Groups["keys"].Value)) is { Success: true } k)
            {
                batch.Rows.Add(new RowTouch(table, Unquote(k.Groups["pk"].Value), Unquote(k.Groups["rk"].Value)));
                continue;
            }
            // An insert in a batch: the keys are in the JSON body after its request line, escaped once more.
            var end = i + 1 < operations.Count ? operations[i + 1].Index : line.Length;
            var body = line[op.Index..end];
            batch.Rows.Add(new RowTouch(table,
                EscapedJsonKey("PartitionKey").Match(body) is { Success: true } p ? p.Groups[1].Value : null,
                EscapedJsonKey("RowKey").Match(body) is { Success: true } r ? r.Groups[1].Value : null));
        }
    }

    private static string? IdOf(string line)
    {
        var first = line.IndexOf(' ');
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        return second < 0 ? null : line[(first + 1)..second];
    }

    private static string Unquote(string key) => key.Replace("''", "'", StringComparison.Ordinal);

    private static Regex JsonKey(string name) => name == "RowKey" ? JsonRowKey() : JsonPartitionKey();

    private static Regex EscapedJsonKey(string name) => name == "RowKey" ? EscapedJsonRowKey() : EscapedJsonPartitionKey();

    [GeneratedRegex(@"^(?<at>\S+) (?<id>\S+) info: (?<service>Blob|Queue|Table)StorageContextMiddleware: RequestMethod=(?<method>\S+) RequestURL=https?://[^/]+/[^/?]+/(?<path>\S*) RequestHeaders:(?<headers>\{.*?\}) ClientIP")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^[^/?(]*")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"""x-ms-client-request-id"":""([^""]*)""")]
    private static partial Regex ClientRequestId();

    [GeneratedRegex(@"""x-ms-date"":""([^""]*)""")]
    private static partial Regex SentDate();

    [GeneratedRegex(@"^\S+ (?<id>\S+) info: EndMiddleware: End response\. TotalTimeInMS=\d+ StatusCode=(?<status>\d+)")]
    private static partial Regex EndLine();

    [GeneratedRegex(@"\(PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='(?<rk>(?:[^']|'')*)'\)")]
    private static partial Regex PointKeys();

    [GeneratedRegex(@"PartitionKey eq '((?:[^']|'')*)'")]
    private static partial Regex FilterPartition();

    [GeneratedRegex(@"RowKey (?:eq|ge|gt) '((?:[^']|'')*)'")]
    private static partial Regex FilterRow();

    [GeneratedRegex(@"(?<method>GET|PUT|POST|MERGE|PATCH|DELETE) https?://[^/ ]+/[^/ ]+/(?<table>[A-Za-z][A-Za-z0-9]*)(?<keys>\([^)]*\))?\S* HTTP/1\.1")]
    private static partial Regex BatchOperation();

    [GeneratedRegex(@"""PartitionKey"":""([^""]*)""")]
    private static partial Regex JsonPartitionKey();

    [GeneratedRegex(@"""RowKey"":""([^""]*)""")]
    private static partial Regex JsonRowKey();

    [GeneratedRegex(@"\\""PartitionKey\\"":\\""((?:[^\\]|\\[^""])*)\\""")]
    private static partial Regex EscapedJsonPartitionKey();

    [GeneratedRegex(@"\\""RowKey\\"":\\""((?:[^\\]|\\[^""])*)\\""")]
    private static partial Regex EscapedJsonRowKey();
}
