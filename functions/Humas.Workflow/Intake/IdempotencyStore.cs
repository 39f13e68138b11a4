using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Intake;

/// <summary>
/// The <c>Idempotency-Key</c> of POST /api/submissions: one row per key names the submission the first request with it
/// made, so that a retry (a form tool that lost the answer) is answered with that submission instead of a second one.
/// </summary>
public sealed class IdempotencyStore(HumasStorage storage, SubmissionStore store)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    private TableClient Table => storage.Table(HumasStorage.IdempotencyTable);

    /// <summary>Records that a key belongs to this new submission, or answers the submission it already belongs to.</summary>
    public async Task<Submission?> ClaimAsync(string key, string submissionId, CancellationToken ct)
    {
        // The key is the client's text; its hash is a partition key the table always takes.
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        try
        {
            await Table.AddEntityAsync(new TableEntity(partition, "") { ["SubmissionId"] = submissionId }, ct);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = await Table.GetEntityAsync<TableEntity>(partition, "", cancellationToken: ct);
            var earlier = await store.GetAsync(row.Value.GetString("SubmissionId"), ct);
            if (earlier is not null) return earlier;
            // The earlier request died before its record was written: this one takes the key over.
            row.Value["SubmissionId"] = submissionId;
            await Table.UpdateEntityAsync(row.Value, row.Value.ETag, cancellationToken: ct);
            return null;
        }
    }
}
