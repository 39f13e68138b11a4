using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Humas.LocalHost.Engine;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// The local host renews its durable engine only when storage did not answer at all. These tests make the real
/// SDK fail against real sockets: one that refuses, and one that accepts and never answers.
/// </summary>
public sealed class StorageFailuresTests
{
    [Fact]
    public async Task A_refused_connection_means_storage_is_away()
    {
        var port = FreePort();
        var failure = await FailureOfOneQueryAsync(port);

        Assert.True(StorageFailures.IsUnreachable(failure), failure.ToString());
    }

    [Fact]
    public async Task A_request_that_timed_out_means_storage_is_slow_not_away()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var silent = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            // Accepts and never answers, as a storage emulator does when it is busy with other requests.
            while (true)
            {
                try
                {
                    silent.Add(await listener.AcceptSocketAsync());
                }
                catch (Exception)
                {
                    return;
                }
            }
        });

        var failure = await FailureOfOneQueryAsync(((IPEndPoint)listener.LocalEndpoint).Port);
        listener.Stop();
        await accepting;
        silent.ForEach(socket => socket.Dispose());

        Assert.False(StorageFailures.IsUnreachable(failure), failure.ToString());
    }

    private static async Task<Exception> FailureOfOneQueryAsync(int port)
    {
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var client = new TableServiceClient(connection,
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(1) } });
        try
        {
            await foreach (var _ in client.QueryAsync(maxPerPage: 1).AsPages())
            {
                break;
            }
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The query was expected to fail");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
