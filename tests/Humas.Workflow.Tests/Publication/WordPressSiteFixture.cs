using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Tests.Publication;

/// <summary>One real WordPress for a test class: starting one takes a few seconds.</summary>
public sealed class WordPressSiteFixture : IAsyncLifetime
{
    public WordPressSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await WordPressSite.StartAsync();

    public async Task DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
    }
}
