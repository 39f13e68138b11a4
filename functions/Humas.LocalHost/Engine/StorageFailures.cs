using System.Net.Sockets;
using Azure;

namespace Humas.LocalHost.Engine;

/// <summary>Tells a storage service that did not answer at all apart from one that answered with an error or slowly.</summary>
internal static class StorageFailures
{
    // Only "no answer" counts as an outage: an error answer such as PopReceiptMismatch also happens while storage
    // is fine, and restarting the engine for it would only delay work. A request that timed out surfaces as the
    // same RequestFailedException with status 0, but on a busy machine it means storage is slow, not away;
    // renewing the engine for it would cost a visibility timeout each time and make storage busier still.
    public static bool IsUnreachable(Exception exception) =>
        !InChain(exception, e => e is TimeoutException or OperationCanceledException)
        && InChain(exception, e => e is RequestFailedException { Status: 0 } or HttpRequestException or SocketException);

    /// <summary>Whether the exception or any exception it wraps passes the test.</summary>
    private static bool InChain(Exception exception, Func<Exception, bool> test) =>
        test(exception) || exception switch
        {
            AggregateException all => all.InnerExceptions.Any(inner => InChain(inner, test)),
            _ => exception.InnerException is { } inner && InChain(inner, test),
        };
}
