using System.Net;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>The same system deployed for BBGP Jawa Timur: its own regions, people and routes, from the profile alone.</summary>
[Collection(SystemCollection.Name)]
public sealed class SecondUnitTests(SystemFixture fixture)
{
    [Fact]
    public async Task BBGP_Jawa_Timur_runs_the_whole_path_with_its_own_regions_and_people()
    {
        await using var system = await fixture.StartHostAsync(new Dictionary<string, string?> { ["Humas__Profile"] = "bbgp-jatim" });
        var form = await system.Host.Http.GetStringAsync("/");
        Assert.Contains("Kota Surabaya", form);
        Assert.DoesNotContain("Kota Semarang", form);

        var jateng = RunningSystem.Fields("Berita Jateng");
        var refused = await system.Host.Http.PostAsync("/api/submissions", RunningSystem.Form(jateng));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("region", await refused.Content.ReadAsStringAsync());

        var title = "Diseminasi Guru Penggerak " + Guid.NewGuid().ToString("N")[..8];
        var fields = RunningSystem.Fields(title);
        fields["region"] = "3578";
        fields["team"] = "digital-creative";
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(fields, ("kegiatan.jpg", "image/jpeg", RunningSystem.Jpeg())));
        var review = await system.MailAsync("redaksi.humas@bbgp-jatim.example", title, "BBGP");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "accept")).StatusCode);
        var approval = await system.MailAsync("kabag.umum@bbgp-jatim.example", title, "Mohon persetujuan");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve")).StatusCode);
        await system.WaitForStatusAsync(id, "Published");
        Assert.Contains(title, await system.Host.Http.GetStringAsync("/published"));
    }
}
