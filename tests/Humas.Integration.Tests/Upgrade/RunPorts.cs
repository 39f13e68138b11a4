using System.Globalization;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Upgrade;

/// <summary>The ports ./run is told to use, the same for the release before and after the upgrade.</summary>
public sealed record RunPorts(int Humas, int Mailbox, int Smtp, int AzuriteBlob, int AzuriteQueue, int AzuriteTable)
{
    public static RunPorts Pick() =>
        new(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());

    public IEnumerable<int> All => [Humas, Mailbox, Smtp, AzuriteBlob, AzuriteQueue, AzuriteTable];

    /// <summary>The variables ./run reads its ports from.</summary>
    public IEnumerable<KeyValuePair<string, string>> Variables =>
    [
        new("HUMAS_PORT", Text(Humas)), new("MAILBOX_PORT", Text(Mailbox)), new("SMTP_PORT", Text(Smtp)),
        new("AZURITE_BLOB_PORT", Text(AzuriteBlob)), new("AZURITE_QUEUE_PORT", Text(AzuriteQueue)), new("AZURITE_TABLE_PORT", Text(AzuriteTable)),
    ];

    public string BaseUrl => $"http://127.0.0.1:{Text(Humas)}";

    /// <summary>The storage connection string ./run builds from these ports, for looking into the task hub's tables.</summary>
    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{Text(AzuriteBlob)}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{Text(AzuriteQueue)}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{Text(AzuriteTable)}/devstoreaccount1;";

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
