using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// kill -9 of the local host at each stage of a submission's life, three times each, then a restart: every accepted
/// submission reaches Published, with one feed entry, one publication record per channel and one "published" mail.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HostKillTests(SystemFixture fixture)
{
    private const int Runs = 3;
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";

    public enum Stage
    {
        AfterIntakeAcknowledged,
        WaitingForReview,
        WaitingForApproval,
        InsidePublicationAfterTheFeed,
        InsidePublicationAfterPartnerMail,
    }

    [Theory]
    [InlineData(Stage.AfterIntakeAcknowledged)]
    [InlineData(Stage.WaitingForReview)]
    [InlineData(Stage.WaitingForApproval)]
    [InlineData(Stage.InsidePublicationAfterTheFeed)]
    [InlineData(Stage.InsidePublicationAfterPartnerMail)]
    public async Task A_host_killed_at_this_stage_loses_nothing_and_publishes_once(Stage stage)
    {
        var crashPoint = stage switch
        {
            Stage.InsidePublicationAfterTheFeed => "publication.website",
            Stage.InsidePublicationAfterPartnerMail => "publication.media-partner",
            _ => null,
        };
        var host = new RestartableHost(fixture);
        try
        {
            for (var run = 1; run <= Runs; run++)
            {
                await host.StartAsync(crashPoint);
                var title = $"Gangguan {stage} {run} {Guid.NewGuid().ToString("N")[..6]}";
                var fields = RunningSystem.Fields(title);
                fields["channels"] = "website,media-partner";
                using var response = await host.Current.Http.PostAsync("/api/submissions",
                    RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                if (stage == Stage.AfterIntakeAcknowledged) await host.KillAndRestartAsync(crashPoint);

                var review = await host.MailAsync(Reviewer, title, "Mohon tinjau");
                if (stage == Stage.WaitingForReview)
                {
                    await host.WaitForStatusAsync(id, "InReview");
                    await host.KillAndRestartAsync(crashPoint);
                }
                Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(review.Link("/act/"), "accept")).StatusCode);

                var approval = await host.MailAsync(Approver, title, "Mohon persetujuan");
                if (stage == Stage.WaitingForApproval)
                {
                    await host.WaitForStatusAsync(id, "AwaitingApproval");
                    await host.KillAndRestartAsync(crashPoint);
                }
                Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(approval.Link("/act/"), "approve")).StatusCode);

                if (crashPoint is not null)
                {
                    // The host ends itself inside the publication activity; it comes back without the crash point.
                    await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
                    await host.StartAsync(crashPoint: null);
                }
                await host.WaitForStatusAsync(id, "Published", 120);
                await AssertPublishedOnceAsync(host, id, title);
                await host.StopAsync();
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private async Task AssertPublishedOnceAsync(RestartableHost host, string id, string title)
    {
        var tables = new TableServiceClient(fixture.Azurite.ConnectionString);
        var feed = tables.GetTableClient("Published").Query<TableEntity>(e => e.PartitionKey == "website").Count(e => e.RowKey.EndsWith(id));
        Assert.Equal(1, feed);
        var markers = tables.GetTableClient("Submissions").Query<TableEntity>(e => e.PartitionKey == id).Select(e => e.RowKey).ToList();
        Assert.Single(markers, k => k == "publication-website");
        Assert.Single(markers, k => k == "publication-media-partner");
        // Give a wrongly repeated delivery time to show itself before counting mails.
        await Task.Delay(2000);
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor("ani@example.org") && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        var pressReleases = fixture.Smtp.Messages.Where(m => m.Subject.Contains("Siaran Pers") && m.Subject.Contains(title)).ToList();
        Assert.NotEmpty(pressReleases);
        Assert.All(pressReleases.GroupBy(m => string.Join(",", m.To)), g => Assert.Single(g));
        using var status = await host.StatusAsync(id);
        Assert.Equal(2, status.RootElement.GetProperty("publications").GetArrayLength());
    }
}
