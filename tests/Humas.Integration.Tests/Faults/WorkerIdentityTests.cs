using Humas.LocalHost.Engine;
using Microsoft.Extensions.Configuration;

namespace Humas.Integration.Tests.Faults;

/// <summary>The default worker id: one per listening port, the same again for the same port, and a setting wins.</summary>
public sealed class WorkerIdentityTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, 7071)]
    [InlineData("http://127.0.0.1:7072", 7072)]
    [InlineData("http://127.0.0.1:7073;http://[::1]:7073", 7073)]
    [InlineData("http://*:7074", 7074)]
    [InlineData("http://+:7075", 7075)]
    public void The_port_comes_from_the_first_listening_address(string? urls, int port) =>
        Assert.Equal(port, WorkerIdentity.ListeningPort(urls));

    [Fact]
    public void Two_ports_give_two_ids_and_one_port_the_same_id_again()
    {
        var first = WorkerIdentity.Resolve(Settings(("ASPNETCORE_URLS", "http://127.0.0.1:7071")));
        var second = WorkerIdentity.Resolve(Settings(("ASPNETCORE_URLS", "http://127.0.0.1:7072")));
        Assert.NotEqual(first, second);
        Assert.Equal(first, WorkerIdentity.Resolve(Settings(("urls", "http://127.0.0.1:7071"))));
        Assert.StartsWith(Environment.MachineName.ToLowerInvariant() + "-", first);
    }

    [Fact]
    public void A_configured_id_wins() =>
        Assert.Equal("office-a", WorkerIdentity.Resolve(Settings(("Humas:Engine:WorkerId", "office-a"), ("ASPNETCORE_URLS", "http://127.0.0.1:7072"))));

    [Fact]
    public void A_port_chosen_at_start_needs_a_configured_id() =>
        Assert.Throws<InvalidOperationException>(() => WorkerIdentity.Resolve(Settings(("ASPNETCORE_URLS", "http://127.0.0.1:0"))));
}
