using Xunit;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>One Azurite (in memory) and one SMTP server, shared by a test collection.</summary>
public class StorageAndMailFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        Smtp.Dispose();
    }
}
