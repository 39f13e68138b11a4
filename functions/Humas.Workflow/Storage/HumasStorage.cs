using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Humas.Workflow.Storage;

/// <summary>The storage account the app keeps its records and media in (the same one the engine uses).</summary>
public sealed class HumasStorage
{
    public const string SubmissionsTable = "Submissions";
    public const string PublishedTable = "Published";
    public const string IdempotencyTable = "Idempotency";
    public const string SubmissionIndexTable = "SubmissionIndex";
    public const string PeopleTable = "People";
    public const string UploadsTable = "Uploads";
    public const string MediaContainer = "media";
    public const string UploadsContainer = "uploads";
    public const string ProgressTable = "Progress";
    public const string RegistersTable = "Registers";
    public const string SummariesTable = "Summaries";
    public const string WaitingTable = "Waiting";
    public const string SnapshotsContainer = "snapshots";
    public const string WorkingCalendarTable = "WorkingCalendar";
    public const string ReachTable = "Reach";
    public const string CredentialsTable = "Credentials";

    /// <summary>Every table and container the app uses; infra/main.bicep creates the same (a test compares them).</summary>
    public static readonly IReadOnlyList<string> AppTables =
        [SubmissionsTable, PublishedTable, IdempotencyTable, UploadsTable, ProgressTable, RegistersTable, SummariesTable, WaitingTable,
         SubmissionIndexTable, PeopleTable, WorkingCalendarTable, ReachTable, CredentialsTable];

    public static readonly IReadOnlyList<string> AppContainers = [MediaContainer, UploadsContainer, SnapshotsContainer];

    public HumasStorage(TableServiceClient tables, BlobServiceClient blobs)
    {
        Tables = tables;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);
    public BlobContainerClient Media => Blobs.GetBlobContainerClient(MediaContainer);
    public BlobContainerClient Uploads => Blobs.GetBlobContainerClient(UploadsContainer);
    public BlobContainerClient Snapshots => Blobs.GetBlobContainerClient(SnapshotsContainer);

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        foreach (var table in AppTables)
            await Tables.CreateTableIfNotExistsAsync(table, ct);
        foreach (var container in AppContainers)
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: ct);
    }

    /// <summary>
    /// Builds the clients from <c>AzureWebJobsStorage</c>: a connection string locally, or the identity-based
    /// settings Azure uses (<c>AzureWebJobsStorage__accountName</c>, <c>__blobServiceUri</c>, <c>__clientId</c>...).
    /// </summary>
    public static HumasStorage FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new HumasStorage(new TableServiceClient(connectionString), new BlobServiceClient(connectionString));

        var section = configuration.GetSection("AzureWebJobsStorage");
        var account = section["accountName"];
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var tableUri = section["tableServiceUri"] ?? (account is null ? null : $"https://{account}.table.core.windows.net");
        if (blobUri is null || tableUri is null)
            throw new InvalidOperationException(
                "Storage is not configured: set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName.");

        TokenCredential credential = section["credential"] == "managedidentity" || section["clientId"] is not null
            ? new ManagedIdentityCredential(section["clientId"] is { } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new HumasStorage(new TableServiceClient(new Uri(tableUri), credential),
            new BlobServiceClient(new Uri(blobUri), credential));
    }
}
