namespace Humas.Integration.Tests.Infrastructure;

/// <summary>How to start a local host: where its storage and mail go, and any further settings.</summary>
public sealed record LocalHostOptions
{
    /// <summary>AzureWebJobsStorage, usually <see cref="AzuriteProcess.ConnectionString"/>.</summary>
    public required string StorageConnectionString { get; init; }

    /// <summary>Humas__Smtp__Port, usually <see cref="SmtpSink.Port"/>.</summary>
    public required int SmtpPort { get; init; }

    public string SmtpHost { get; init; } = "127.0.0.1";

    public string SmtpFrom { get; init; } = "humas@bbpmp-jateng.example";

    public string AdminKey { get; init; } = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();

    /// <summary>Humas__DataDir; null for a fresh temporary folder, removed on dispose.</summary>
    public string? DataDir { get; init; }

    /// <summary>The port to listen on; null for a free one.</summary>
    public int? Port { get; init; }

    /// <summary>The local host assembly; null for the build beside the tests (<see cref="RepoPaths.LocalHostDll"/>).</summary>
    public string? DllPath { get; init; }

    /// <summary>
    /// Further environment variables, e.g. Humas__Workflow__ApprovalTimeout = 00:00:20. They win over
    /// the ones derived above; a null value removes a variable.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
