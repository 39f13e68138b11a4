using Humas.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace Humas.Workflow.Tests.Support;

/// <summary>Starts the in-process Durable test host on a port nothing else holds.</summary>
public static class TestHosts
{
    /// <summary>
    /// Left to itself the test host takes a random port in 30000-40000 without looking, inside the kernel's range for
    /// outgoing connections, and a test run makes many (seen failing: "address already in use"). The port comes from the
    /// kernel instead; a bind that still loses the race to another socket is tried again on another port.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry, DurableTaskTestHostOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            options.Port = FreePorts.Next();
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, options);
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is AddressInUseException)
            {
            }
        }
    }
}
