using System.Net;
using System.Text.Json;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Faults;

/// <summary>An Azurite of its own that keeps its data in a folder, so that it can be stopped and started again over it.</summary>
public sealed class StorageOnDiskFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("humas-azurite-data-").FullName;

    public AzuriteProcess Azurite { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync(folder);

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        Smtp.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}

/// <summary>
/// Storage goes away for some seconds while workflows are in flight (one just acknowledged, one waiting for review,
/// one waiting for approval, one approved a moment before, so publishing), then comes back on the same folder and
/// ports; the local host keeps running through it. Three times. Every submission reaches Published, once per channel,
/// counted once.
/// </summary>
public sealed class AzuriteRestartTests(StorageOnDiskFixture fixture) : IClassFixture<StorageOnDiskFixture>
{
    private const int Runs = 3;
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private static readonly TimeSpan Away = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Workflows_in_flight_survive_a_restart_of_storage()
    {
        var host = new RestartableHost(fixture.Azurite.ConnectionString, fixture.Smtp);
        var once = new ExactlyOnce(fixture.Azurite.ConnectionString, fixture.Smtp);
        try
        {
            await host.StartAsync(crashPoint: null);
            var hostProcess = host.Current.ProcessId;
            for (var run = 1; run <= Runs; run++)
            {
                var tallyBefore = await once.TallyAsync(ExactlyOnce.ThisYear());
                var tag = $"{run} {Guid.NewGuid().ToString("N")[..6]}";

                var waitingReview = await SubmitAsync(host, $"Menunggu tinjauan {tag}");
                await MailAsync(waitingReview, Reviewer, "Mohon tinjau");
                await host.WaitForStatusAsync(waitingReview.Id, "InReview");

                var waitingApproval = await SubmitAsync(host, $"Menunggu persetujuan {tag}");
                await DecideAsync(host, await MailAsync(waitingApproval, Reviewer, "Mohon tinjau"), "accept");
                await MailAsync(waitingApproval, Approver, "Mohon persetujuan");
                await host.WaitForStatusAsync(waitingApproval.Id, "AwaitingApproval");

                var publishing = await SubmitAsync(host, $"Sedang terbit {tag}");
                await DecideAsync(host, await MailAsync(publishing, Reviewer, "Mohon tinjau"), "accept");
                var publishingApproval = await MailAsync(publishing, Approver, "Mohon persetujuan");
                await host.WaitForStatusAsync(publishing.Id, "AwaitingApproval");

                // The last two go in a moment before storage goes: an approval whose publication runs into the outage,
                // and a submission whose workflow has just been started.
                await DecideAsync(host, publishingApproval, "approve");
                var justAccepted = await SubmitAsync(host, $"Baru diterima {tag}");

                // Stopped, not SIGKILLed: a killed Azurite loses the writes of its last few seconds that it had already
                // acknowledged (it saves its tables every 5 s), which no real storage account does; the engine then finds
                // queue messages whose history rows are gone and waits for them forever.
                await fixture.Azurite.StopAsync();
                Assert.True(fixture.Azurite.HasExited);
                await Task.Delay(Away);
                Assert.False(host.Current.HasExited, $"The local host ended while storage was away. Log:\n{host.Current.LogTail()}");
                await fixture.Azurite.StartAgainAsync();
                await host.Current.WaitHealthyAsync(TimeSpan.FromSeconds(60));

                await DecideAsync(host, await MailAsync(waitingReview, Reviewer, "Mohon tinjau"), "accept");
                await DecideAsync(host, await MailAsync(waitingReview, Approver, "Mohon persetujuan"), "approve");
                await DecideAsync(host, await MailAsync(waitingApproval, Approver, "Mohon persetujuan"), "approve");
                await DecideAsync(host, await MailAsync(justAccepted, Reviewer, "Mohon tinjau"), "accept");
                await DecideAsync(host, await MailAsync(justAccepted, Approver, "Mohon persetujuan"), "approve");

                Submitted[] all = [waitingReview, waitingApproval, publishing, justAccepted];
                foreach (var s in all)
                {
                    await host.WaitForStatusAsync(s.Id, "Published", 120);
                    await once.AssertPublishedOnceAsync(host, s.Id, s.Title);
                }
                await once.AssertCountedOnceAsync(tallyBefore, [.. all.Select(s => s.Id)]);
                Assert.Equal(hostProcess, host.Current.ProcessId);
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private sealed record Submitted(string Id, string Title);

    private static async Task<Submitted> SubmitAsync(RestartableHost host, string title)
    {
        var fields = RunningSystem.Fields(title);
        fields["channels"] = "website,media-partner";
        using var response = await host.Current.Http.PostAsync("/api/submissions",
            RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Submitted(json.RootElement.GetProperty("id").GetString()!, title);
    }

    private Task<ReceivedMail> MailAsync(Submitted s, string to, string subject) =>
        fixture.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(s.Title) && m.Subject.Contains(subject), TimeSpan.FromSeconds(90));

    private static async Task DecideAsync(RestartableHost host, ReceivedMail mail, string decision)
    {
        using var response = await host.DecideAsync(mail.Link("/act/"), decision);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
