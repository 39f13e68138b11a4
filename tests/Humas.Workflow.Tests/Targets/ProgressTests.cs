using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Targets;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Humas.Workflow.Tests.Targets;

/// <summary>Content published through the real workflow moves the year's counters, once each.</summary>
[Collection(TargetsCollection.Name)]
public sealed class ProgressTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private static readonly int Year = DateTimeOffset.UtcNow.ToWib().Year;
    private readonly UnitProfile unit = TargetProfiles.ForYear(Year);
    private WorkflowHost host = null!;

    public async Task InitializeAsync() =>
        host = await WorkflowHost.StartAsync(fixture, new Dictionary<string, string?> { ["Humas:Profile"] = TargetProfiles.WriteFile(unit) });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private ProgressStore Progress => host.Services.GetRequiredService<ProgressStore>();

    private static SubmissionContent Item(string type, string team, string region, bool priority, string? program = null, params string[] channels) =>
        WorkflowHost.Content() with
        {
            ContentType = type, Team = team, Region = region, PriorityProgram = priority, Program = program,
            Channels = channels.Length == 0 ? ["website"] : channels,
        };

    /// <summary>Submits, accepts and approves (or rejects) through the orchestration; returns the final status.</summary>
    private async Task<SubmissionStatus> RunAsync(SubmissionContent content, bool approve = true)
    {
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await host.DecideAsync(id, Stage.Approval, 1, approve ? DecisionValues.Approve : DecisionValues.Reject,
            approve ? null : "Belum sesuai", person: "kabag-umum");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        return end.ReadOutputAs<SubmissionStatus>();
    }

    [Fact]
    public async Task Published_items_move_each_counter_and_give_pace_and_region_coverage_at_a_date()
    {
        var outcomes = await Task.WhenAll(
            RunAsync(Item("news", "tim-kerja-2", "3374", priority: true, channels: ["website", "instagram"])),
            RunAsync(Item("webinar", "tim-kerja-1", "3301", priority: true, program: "PDM-03")),
            RunAsync(Item("podcast", "digital-creative", "3374", priority: false)),
            RunAsync(Item("webinar", "tim-kerja-2", "3302", priority: false)),
            RunAsync(Item("news", "tim-kerja-3", "3303", priority: true), approve: false));
        Assert.Equal(4, outcomes.Count(o => o == SubmissionStatus.Published));
        Assert.Equal(SubmissionStatus.Rejected, outcomes[^1]);

        var month = DateTimeOffset.UtcNow.ToWib().Month;
        var counts = await Progress.GetAsync(Year);
        var expected = new Dictionary<string, int>
        {
            [Counters.Items] = 4,
            [Counters.Target("pdm07-priority-content")] = 2,
            [Counters.Target("pdm07-webinar")] = 2,
            [Counters.Target("pdm07-podcast")] = 1,
            [Counters.Target("pdm03-webinar")] = 1,
            [Counters.Target("pdm03-website")] = 1,
            [Counters.Team("tim-kerja-2")] = 2,
            [Counters.Team("tim-kerja-1")] = 1,
            [Counters.Team("digital-creative")] = 1,
            [Counters.Channel("website")] = 4,
            [Counters.Region("3374")] = 2,
            [Counters.Region("3301")] = 1,
            [Counters.Region("3302")] = 1,
            [Counters.ContentType("news")] = 1,
            [Counters.ContentType("webinar")] = 2,
            [Counters.ContentType("podcast")] = 1,
            [Counters.Month(month)] = 4,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(e => e.Key));
        // Instagram has no adapter yet, so nothing was published there; the rejected item and its team and region never count.
        Assert.False(counts.ContainsKey(Counters.Channel("instagram")));
        Assert.False(counts.ContainsKey(Counters.Target("pdm03-instagram")));
        Assert.False(counts.ContainsKey(Counters.Region("3303")));

        // Pace at the middle of the year (in WIB): 48 a year is 24 by then, 5 webinars 2, 2 podcasts 1.
        var midYear = Pace.StartOfYear(Year) + (Pace.StartOfYear(Year + 1) - Pace.StartOfYear(Year)) / 2;
        var report = await new TargetReporter(Progress, unit, new FixedClock(midYear)).BuildAsync(Year);
        Assert.Equal(0.5, report.YearElapsed, 3);
        var byId = report.Targets.ToDictionary(t => t.Id);
        Assert.Equal((2, 24, PaceStatus.Behind, 22), (byId["pdm07-priority-content"].Actual, byId["pdm07-priority-content"].ExpectedByNow, byId["pdm07-priority-content"].Status, byId["pdm07-priority-content"].Short));
        Assert.Equal((2, 2, PaceStatus.OnPace, 0), (byId["pdm07-webinar"].Actual, byId["pdm07-webinar"].ExpectedByNow, byId["pdm07-webinar"].Status, byId["pdm07-webinar"].Short));
        Assert.Equal((1, 1, PaceStatus.OnPace), (byId["pdm07-podcast"].Actual, byId["pdm07-podcast"].ExpectedByNow, byId["pdm07-podcast"].Status));
        Assert.Equal((0, 1, PaceStatus.Behind, 1), (byId["pdm07-community"].Actual, byId["pdm07-community"].ExpectedByNow, byId["pdm07-community"].Status, byId["pdm07-community"].Short));
        Assert.Equal(PaceStatus.Met, byId["pdm03-webinar"].Status);
        Assert.Equal(50.0, byId["pdm07-podcast"].Percent);

        // The same counts late in the year: the webinars fall behind.
        var december = Pace.StartOfYear(Year + 1).AddDays(-10);
        var late = (await new TargetReporter(Progress, unit, new FixedClock(december)).BuildAsync(Year)).Targets.ToDictionary(t => t.Id);
        Assert.Equal((4, PaceStatus.Behind, 2), (late["pdm07-webinar"].ExpectedByNow, late["pdm07-webinar"].Status, late["pdm07-webinar"].Short));

        Assert.Equal(35, report.Coverage.Total);
        Assert.Equal(3, report.Coverage.Covered);
        Assert.Equal(["3301", "3302", "3374"], report.Coverage.Regions.Where(r => r.Count > 0).Select(r => r.Key).Order());
        Assert.Equal(32, report.Coverage.Uncovered.Count);
        Assert.Contains(report.Coverage.Uncovered, r => r.Key == "3303");
        Assert.DoesNotContain(report.Coverage.Uncovered, r => r.Key == "3374");
        Assert.Equal(4, report.PublishedItems);
        Assert.Equal(2, report.ByTeam.Single(t => t.Key == "tim-kerja-2").Count);
        Assert.Equal(0, report.ByTeam.Single(t => t.Key == "tim-kerja-3").Count);
        Assert.Equal(4, report.ByChannel.Single(c => c.Key == "website").Count);
        Assert.Equal(4, report.ByMonth.Single(m => m.Key == $"{Year}-{month:D2}").Count);
        Assert.Equal(4, report.ByMonth.Sum(m => m.Count));
    }

    [Fact]
    public async Task Counting_one_publication_twice_or_concurrently_counts_it_once()
    {
        // Another year than the workflow test's, so the two never share counters.
        const int year = 2031;
        var id = await SeedPublishedAsync(new DateTimeOffset(2031, 3, 10, 2, 0, 0, TimeSpan.Zero), "3374", "tim-kerja-2");
        var activity = ActivatorUtilities.CreateInstance<CountPublication>(host.Services);
        var context = new DirectActivityContext(nameof(CountPublication), id);
        var request = new CountRequest(id, DateTimeOffset.UtcNow);

        Assert.True(await activity.RunAsync(context, request));
        Assert.False(await activity.RunAsync(context, request));
        var both = await Task.WhenAll(activity.RunAsync(context, request), activity.RunAsync(context, request));
        Assert.All(both, Assert.False);

        var counts = await Progress.GetAsync(year);
        Assert.Equal(1, counts[Counters.Items]);
        Assert.Equal(1, counts[Counters.Team("tim-kerja-2")]);
        Assert.Equal(1, counts[Counters.Region("3374")]);
        Assert.Equal(1, counts[Counters.Month(3)]);
        Assert.True(await Progress.IsCountedAsync(year, CountPublication.What(id)));
    }

    [Fact]
    public async Task Concurrent_counts_of_different_publications_lose_none()
    {
        const int year = 2032;
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
            ids.Add(await SeedPublishedAsync(new DateTimeOffset(2032, 1 + i, 15, 5, 0, 0, TimeSpan.Zero), i % 2 == 0 ? "3301" : "3371", "tim-kerja-1"));
        var activity = ActivatorUtilities.CreateInstance<CountPublication>(host.Services);
        var results = await Task.WhenAll(ids.Select(id => activity.RunAsync(new DirectActivityContext(nameof(CountPublication), id), new CountRequest(id, DateTimeOffset.UtcNow))));
        Assert.All(results, Assert.True);

        var counts = await Progress.GetAsync(year);
        Assert.Equal(12, counts[Counters.Items]);
        Assert.Equal(6, counts[Counters.Region("3301")]);
        Assert.Equal(6, counts[Counters.Region("3371")]);
        Assert.All(Enumerable.Range(1, 12), m => Assert.Equal(1, counts[Counters.Month(m)]));
    }

    [Fact]
    public async Task A_submission_that_was_never_published_is_not_counted()
    {
        var id = await SeedAsync(WorkflowHost.Content(), SubmissionStatus.Rejected);
        var activity = ActivatorUtilities.CreateInstance<CountPublication>(host.Services);
        Assert.False(await activity.RunAsync(new DirectActivityContext(nameof(CountPublication), id), new CountRequest(id, DateTimeOffset.UtcNow)));
        Assert.False(await Progress.IsCountedAsync(Year, CountPublication.What(id)));
    }

    /// <summary>A submission and its website publication at a given time, written the way the workflow writes them.</summary>
    private async Task<string> SeedPublishedAsync(DateTimeOffset publishedAt, string region, string team)
    {
        var id = await SeedAsync(WorkflowHost.Content() with { Region = region, Team = team, PriorityProgram = true }, SubmissionStatus.Published);
        var record = await host.Store.GetAsync(id);
        await host.Services.GetRequiredService<WebsiteFeed>().PublishAsync(record!, publishedAt);
        return id;
    }

    private async Task<string> SeedAsync(SubmissionContent content, SubmissionStatus status)
    {
        var now = DateTimeOffset.UtcNow;
        var id = SubmissionIds.New(now);
        await host.Store.SaveAsync(new Submission { Id = id, Content = content, Status = status, CreatedAt = now, UpdatedAt = now },
            new HistoryEntry { Step = 0, At = now, Status = status, Event = Enum.Parse<HistoryEvent>(status.ToString()) });
        return id;
    }
}
