using System.Net;
using Azure.Data.Tables;
using DurableTask.Core.History;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Faults;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Tests.Replay;

namespace Humas.Integration.Tests.Replay;

/// <summary>
/// What a submission costs in activities, read from the engine's own History table: since version 6 a stage opens in
/// one activity and the publication begins and ends in one each, where version 5 ran fourteen for a website-only news item.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ActivitiesPerSubmissionTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_website_only_submission_of_version_6_runs_seven_activities_and_is_published_counted_and_told_once()
    {
        Assert.Equal(6, WorkflowVersions.Current);
        await using var system = await fixture.StartHostAsync();
        var before = await new ExactlyOnce(fixture.Azurite.ConnectionString, fixture.Smtp).TallyAsync(ExactlyOnce.ThisYear());
        var title = "Bimtek operator dapodik " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        await DecideAsync(system, await system.MailAsync("redaksi.humas@bbpmp-jateng.example", title, "Mohon tinjau"), "accept");
        await DecideAsync(system, await system.MailAsync("kabag.umum@bbpmp-jateng.example", title, "Mohon persetujuan"), "approve");
        await system.WaitForStatusAsync(id, "Published");
        await system.MailAsync("ani@example.org", title, "telah terbit");

        var events = await CompletedHistoryAsync(system, id);
        Assert.Equal(
            ["OpenStage", "RecordTransition", "OpenStage", "RecordTransition", "StartPublication", "PublishToChannel", "FinishPublication"],
            events.OfType<TaskScheduledEvent>().Select(t => t.Name));
        Assert.DoesNotContain(events, e => e is TaskFailedEvent);

        await fixture.Smtp.FlushAsync();
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor("ani@example.org") && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor("redaksi.humas@bbpmp-jateng.example") && m.Subject.Contains(title));
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor("kabag.umum@bbpmp-jateng.example") && m.Subject.Contains(title));
        var rows = system.Submissions.Query<TableEntity>(e => e.PartitionKey == id).Select(e => e.RowKey).ToList();
        Assert.Single(rows, k => k == "publication-website");
        await new ExactlyOnce(fixture.Azurite.ConnectionString, fixture.Smtp).AssertCountedOnceAsync(before, id);
    }

    private static async Task DecideAsync(RunningSystem system, ReceivedMail mail, string decision)
    {
        using var response = await system.DecideAsync(RunningSystem.LinkIn(mail, "act"), decision);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The instance's events once the engine has written its completion.</summary>
    private static async Task<IReadOnlyList<HistoryEvent>> CompletedHistoryAsync(RunningSystem system, string id)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in system.History.QueryAsync<TableEntity>(e => e.PartitionKey == id)) rows.Add(row);
            var events = rows.Count == 0 ? [] : HistoryEvents.FromRows(HistoryRows.InRowKeyOrder(rows));
            if (events.Any(e => e is ExecutionCompletedEvent)) return events;
            Assert.True(DateTime.UtcNow < until, $"{id} did not complete: {string.Join(", ", events.Select(e => e.EventType))}");
            await Task.Delay(250);
        }
    }
}
