using System.Globalization;
using System.Text.RegularExpressions;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Benchmarks;

/// <summary>Whose storage a request touched.</summary>
public enum Owner
{
    AppTables,
    AppBlobs,
    EngineTables,
    EngineQueues,
    EngineBlobs,
    Other,
}

/// <summary>
/// Counts the requests Azurite served in a time window from its debug log. Azurite writes one line per request
/// when it starts handling it:
/// <c>2026-11-29T01:31:10.758Z {request id} info: TableStorageContextMiddleware: RequestMethod=GET RequestURL=http://127.0.0.1/devstoreaccount1/Submissions(...) RequestHeaders:{...}</c>;
/// the first path segment names the table, queue or container. A table batch (<c>/$batch</c>) names its table
/// only in its body, which Azurite logs later under the same request id (<c>TableHandler:batch() Raw request string</c>).
/// Requests whose user agent carries <see cref="OwnUserAgent"/> are the benchmark's own and are left out.
/// </summary>
public sealed partial class StorageRequests(string logPath, string taskHub)
{
    public const string OwnUserAgent = "humas-bench";

    /// <summary>The requests in the window by owner; <see cref="Owner.Other"/> ones also by service and resource, to say what they were.</summary>
    public sealed record Counts(IReadOnlyDictionary<Owner, int> ByOwner, IReadOnlyDictionary<string, int> Others);

    public Counts Count(DateTimeOffset from, DateTimeOffset to)
    {
        var counts = Enum.GetValues<Owner>().ToDictionary(o => o, _ => 0);
        var others = new Dictionary<string, int>();
        void Add(string service, string resource)
        {
            var owner = Classify(service, resource);
            counts[owner]++;
            if (owner == Owner.Other) others[$"{service} {resource}"] = others.GetValueOrDefault($"{service} {resource}") + 1;
        }

        var batches = new HashSet<string>();
        using var reader = new StreamReader(new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            var request = RequestLine().Match(line);
            if (request.Success)
            {
                if (!DateTimeOffset.TryParse(request.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    || at < from || at > to || line.Contains(OwnUserAgent, StringComparison.Ordinal))
                    continue;
                var service = request.Groups["service"].Value;
                var resource = request.Groups["resource"].Value;
                if (service == "Table" && resource == "$batch") batches.Add(request.Groups["id"].Value);
                else Add(service, resource);
                continue;
            }
            var batch = BatchBody().Match(line);
            if (batch.Success && batches.Remove(batch.Groups["id"].Value))
                Add("Table", BatchTable().Match(line) is { Success: true } t ? t.Groups["table"].Value : "$batch");
        }
        foreach (var _ in batches) Add("Table", "$batch"); // a batch whose body was not logged
        return new Counts(counts, others);
    }

    private Owner Classify(string service, string resource)
    {
        var engine = resource.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase);
        return service switch
        {
            "Table" when HumasStorage.AppTables.Contains(resource) => Owner.AppTables,
            "Table" when engine => Owner.EngineTables,
            "Blob" when HumasStorage.AppContainers.Contains(resource) => Owner.AppBlobs,
            "Blob" when engine => Owner.EngineBlobs,
            "Queue" when engine => Owner.EngineQueues,
            _ => Owner.Other,
        };
    }

    [GeneratedRegex(@"^(?<at>\S+) (?<id>\S+) info: (?<service>Blob|Queue|Table)StorageContextMiddleware: RequestMethod=\S+ RequestURL=https?://[^/]+/[^/?]+/(?<resource>[^/?( ]*)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^\S+ (?<id>\S+) debug: TableHandler:batch\(\) Raw request string")]
    private static partial Regex BatchBody();

    [GeneratedRegex(@"/devstoreaccount1/(?<table>[A-Za-z][A-Za-z0-9]{2,62})[( ?]")]
    private static partial Regex BatchTable();
}
