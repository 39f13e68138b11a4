using System.Net.Sockets;
using Azure;

namespace Humas.LocalHost.Engine;

/// <summary>Tells a storage service that did not answer at all apart from one that answered with an error.</summary>
internal static class StorageFailures
{
    // Only "no answer" counts as an outage: an error answer such as PopReceiptMismatch also happens while storage
    // is fine, and restarting the engine for it would only delay work.
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        HttpRequestException or SocketException => true,
        AggregateException all => all.InnerExceptions.Any(IsUnreachable),
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };
}
