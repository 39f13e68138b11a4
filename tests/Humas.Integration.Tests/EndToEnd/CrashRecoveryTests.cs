using System.Net;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>kill -9 of the local host while a submission waits; the emailed link still works after a restart.</summary>
[Collection(SystemCollection.Name)]
public sealed class CrashRecoveryTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_host_killed_while_waiting_for_approval_resumes_and_publishes_exactly_once()
    {
        await using var system = await fixture.StartHostAsync();
        var title = "Podcast " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title), ("sampul.jpg", "image/jpeg", RunningSystem.Jpeg())));
        await system.DecideAsync(RunningSystem.LinkIn(await system.MailAsync("redaksi.humas@bbpmp-jateng.example", title, "Mohon tinjau"), "act"), "accept");
        var approval = await system.MailAsync("kabag.umum@bbpmp-jateng.example", title, "Mohon persetujuan");
        await system.WaitForStatusAsync(id, "AwaitingApproval");

        var killed = system.Host.ProcessId;
        system.Host.KillHard();
        Assert.True(system.Host.HasExited);
        await system.Host.RestartAsync();
        Assert.NotEqual(killed, system.Host.ProcessId);

        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve")).StatusCode);
        using var status = await system.WaitForStatusAsync(id, "Published", 90);
        Assert.Equal("Completed", await system.WaitForWorkflowEndAsync(id));
        Assert.Single(status.RootElement.GetProperty("publications").EnumerateArray());
        Assert.Single(system.Smtp.Messages, m => m.IsFor("ani@example.org") && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        var published = await system.Host.Http.GetStringAsync("/api/published");
        Assert.Equal(1, published.Split($"\"id\":\"{id}\"").Length - 1);
    }
}
