using Humas.Workflow.Pages;
using Humas.Workflow.Reach;
using Humas.Workflow.Storage;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Humas.Workflow.Tests.Publication;
using Humas.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Humas.Workflow.Tests.Reach;

/// <summary>The reach where people read it: the weekly summary mail with its inline chart, its stored snapshot, the dashboard.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class ReachShownTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    // The only rows of their year in the tests' storage, in the year the profiles' reach target is for (the other tests'
    // rows are years ahead); both tests record the same days, the second finding them kept.
    private static readonly DateTimeOffset Latest = new DateTimeOffset(2026, 2, 2, 6, 0, 0, TimeSpan.FromHours(7)).AddDays(Random.Shared.Next(0, 300));
    private readonly SettableClock clock = new(Latest);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await channels.ServicesAsync(fixture, clock: clock);
        foreach (var (days, followers) in new[] { (-14, 26_000L), (-7, 27_500L), (0, 28_731L) })
        {
            clock.Now = Latest.AddDays(days);
            channels.Instagram.Followers = followers;
            await services.GetRequiredService<ReachRecorder>().RunAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        channels.Dispose();
    }

    [Fact]
    public async Task The_weekly_summary_mail_carries_the_reach_table_and_its_chart_inline_and_so_does_its_snapshot()
    {
        fixture.Smtp.Clear();
        var run = await services.GetRequiredService<WeeklySummary>().RunAsync("reach-" + Guid.NewGuid().ToString("N")[..8]);
        await fixture.Smtp.FlushAsync();

        var mail = fixture.Smtp.Messages.First(m => m.Subject.Contains(Wib.Format(run.GeneratedAt), StringComparison.Ordinal));
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw)));
        Assert.Contains("cid:" + ReachChart.ContentId, mail.HtmlBody);
        var chart = message.BodyParts.OfType<MimePart>().Single(p => p.ContentId == ReachChart.ContentId);
        Assert.Equal("image/png", chart.ContentType.MimeType);
        Assert.Contains("data-channel=\"instagram\" data-figure=\"followers\"", mail.HtmlBody);
        Assert.Contains("Instagram, Pengikut: 28.731 (+1.231 dalam 7 hari, +2.731 sejak 1 Januari)", mail.TextBody);
        Assert.Contains("data-reach-target=\"instagram-followers\"", mail.HtmlBody);
        Assert.Contains("28.731 / 30.000", mail.TextBody);

        var storage = services.GetRequiredService<HumasStorage>();
        var snapshot = (await storage.Snapshots.GetBlobClient(run.Snapshot.Html).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("data-channel=\"instagram\" data-figure=\"followers\"", snapshot);
        Assert.DoesNotContain("cid:", snapshot);
        Assert.Equal(2, snapshot.Split("src=\"data:image/png;base64,").Length - 1);
        var json = (await storage.Snapshots.GetBlobClient(run.Snapshot.Json).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"followers\":28731", json);
    }

    [Fact]
    public async Task The_dashboard_shows_the_reach_with_its_target_bar_and_chart()
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.QueryString = new QueryString($"?year={clock.Now.Year}");
        var page = Assert.IsType<PageResult>(await services.GetRequiredService<TargetHandlers>().DashboardAsync(http));

        var html = await services.GetRequiredService<ComponentRenderer>().RenderAsync<DashboardPage>(page.Page.Parameters!);

        Assert.Contains("id=\"reach\"", html);
        Assert.Matches("data-channel=\"instagram\" data-figure=\"followers\">.*?<td class=\"latest\">28.731</td><td>\\+1.231</td><td>\\+2.731</td>", System.Net.WebUtility.HtmlDecode(html).Replace("\n", ""));
        Assert.Contains("data-target=\"reach-instagram-followers\"", html);
        Assert.Contains("alt=\"Grafik jangkauan kanal\"", html);
    }
}
