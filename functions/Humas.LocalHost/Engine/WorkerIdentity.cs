using System.Globalization;

namespace Humas.LocalHost.Engine;

/// <summary>
/// The engine's worker id when <c>Humas__Engine__WorkerId</c> is not set: the machine's name and the port the local host
/// listens on. Two live processes on one machine cannot listen on the same port, so the id is unique among them; a
/// process started again in the same slot (same port) has the same id, and the engine gives it its partitions back at
/// once instead of after the leases of the process that went away have expired.
/// </summary>
public static class WorkerIdentity
{
    public const int DefaultPort = 7071;

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Humas:Engine:WorkerId"] is { Length: > 0 } configured) return configured.Trim();
        return ForPort(ListeningPort(configuration["ASPNETCORE_URLS"] ?? configuration["urls"]));
    }

    public static string ForPort(int port) =>
        $"{Environment.MachineName.ToLowerInvariant()}-{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The port of the first address in a URLS setting (e.g. "http://127.0.0.1:7072;http://[::1]:7072").</summary>
    public static int ListeningPort(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls)) return DefaultPort;
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return DefaultPort;
        // Kestrel accepts wildcard hosts ("http://*:7072", "http://+:7072") that Uri does not parse.
        var parseable = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(parseable, UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"Cannot tell the listening port from '{first}'; set Humas__Engine__WorkerId.");
        // Port 0 asks the system for any free port: it says nothing stable about the slot.
        if (uri.Port == 0)
            throw new InvalidOperationException($"'{first}' listens on a port chosen at start; set Humas__Engine__WorkerId to a stable, unique id.");
        return uri.Port;
    }
}
