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
    public static bool IsUnreachable(Exception exception) => !TimedOut(exception) && NoAnswer(exception);

    private static bool NoAnswer(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        HttpRequestException or SocketException => true,
        AggregateException all => all.InnerExceptions.Any(NoAnswer),
        _ => exception.InnerException is { } inner && NoAnswer(inner),
    };

    private static bool TimedOut(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException => true,
        AggregateException all => all.InnerExceptions.Any(TimedOut),
        _ => exception.InnerException is { } inner && TimedOut(inner),
    };
}
