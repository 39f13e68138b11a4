using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Faults;
using Humas.Workflow.Targets;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// kill -9 of the local host at each stage of a submission's life, three times each, then a restart: every accepted
/// submission reaches Published, with one feed entry, one publication record per channel, one "published" mail, and
/// one count toward the year's targets.
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
        InsideTargetCounting,
    }

    [Theory]
    [InlineData(Stage.AfterIntakeAcknowledged)]
    [InlineData(Stage.WaitingForReview)]
    [InlineData(Stage.WaitingForApproval)]
    [InlineData(Stage.InsidePublicationAfterTheFeed)]
    [InlineData(Stage.InsidePublicationAfterPartnerMail)]
    [InlineData(Stage.InsideTargetCounting)]
    public async Task A_host_killed_at_this_stage_loses_nothing_and_publishes_once(Stage stage)
    {
        var crashPoint = stage switch
        {
            Stage.InsidePublicationAfterTheFeed => "publication.website",
            Stage.InsidePublicationAfterPartnerMail => "publication.media-partner",
            Stage.InsideTargetCounting => FaultPoints.InTargetCounting,
            _ => null,
        };
        var host = new RestartableHost(fixture);
        var once = new ExactlyOnce(fixture.Azurite.ConnectionString, fixture.Smtp);
        try
        {
            for (var run = 1; run <= Runs; run++)
            {
                await host.StartAsync(crashPoint);
                var title = $"Gangguan {stage} {run} {Guid.NewGuid().ToString("N")[..6]}";
                var fields = RunningSystem.Fields(title);
                fields["channels"] = "website,media-partner";
                // A priority-programme webinar moves two targets of the year, so a double count would show twice.
                fields["contentType"] = "webinar";
                fields["priorityProgram"] = "true";
                var tallyBefore = await once.TallyAsync(ExactlyOnce.ThisYear());
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
                Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(review.Link("/act/"), "accept", Webinar)).StatusCode);

                var approval = await host.MailAsync(Approver, title, "Mohon persetujuan");
                if (stage == Stage.WaitingForApproval)
                {
                    await host.WaitForStatusAsync(id, "AwaitingApproval");
                    await host.KillAndRestartAsync(crashPoint);
                }
                var restarted = false;
                if (crashPoint is null)
                    Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(approval.Link("/act/"), "approve", Webinar)).StatusCode);
                else
                    restarted = await ApproveAsTheHostDiesAsync(host, approval.Link("/act/"));

                if (crashPoint is not null && !restarted)
                {
                    // The host ends itself inside the activity; it comes back without the crash point.
                    await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
                    await host.StartAsync(crashPoint: null);
                }
                await host.WaitForStatusAsync(id, "Published", 120);
                await once.AssertPublishedOnceAsync(host, id, title);
                await once.AssertCountedOnceAsync(tallyBefore, id);
                await AssertMovedTheTargetsAsync(id);
                await host.StopAsync();
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static readonly IReadOnlyList<string> Webinar = RunningSystem.Checklist("webinar");

    /// <summary>
    /// The approval sets off the publication the host dies in. The answer waits a moment for the workflow to take the
    /// decision in (a workflow that stops right then must not thank the approver), so the crash may cut the answer off:
    /// then the decision must have been taken all the same, which the same link says once the host is back.
    /// </summary>
    /// <returns>Whether the host was started again here, after it died during the answer.</returns>
    private static async Task<bool> ApproveAsTheHostDiesAsync(RestartableHost host, string link)
    {
        try
        {
            using var answer = await host.DecideAsync(link, "approve", Webinar);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return false;
        }
        catch (HttpRequestException)
        {
            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await host.StartAsync(crashPoint: null);
            using var again = await host.DecideAsync(link, "approve", Webinar);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Keputusan sudah diambil", await again.Content.ReadAsStringAsync());
            return true;
        }
    }

    /// <summary>A priority-programme webinar counts toward two of the year's targets.</summary>
    private async Task AssertMovedTheTargetsAsync(string id)
    {
        var progress = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Progress");
        var marker = await progress.GetEntityAsync<TableEntity>(ExactlyOnce.ThisYear().ToString(CultureInfo.InvariantCulture),
            ProgressStore.MarkerKey(CountPublication.What(id)));
        var counters = marker.Value.GetString("Counters").Split(' ');
        Assert.Contains(Counters.Target("pdm07-webinar"), counters);
        Assert.Contains(Counters.Target("pdm07-priority-content"), counters);
    }
}
