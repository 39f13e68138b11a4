using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Humas.Benchmarks.Shared;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Times the weekly summary with 1,000 and with 100,000 published items in storage (Azurite in memory).
// Usage: dotnet run -c Release --project tests/Humas.Benchmarks [-- small large runs]
var small = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var large = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;

await using var azurite = await AzuriteProcess.StartAsync();
using var smtp = new SmtpSink();
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["Humas:PublicBaseUrl"] = "http://humas.bench",
    ["Humas:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["Humas:Smtp:Host"] = smtp.Host,
    ["Humas:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
}).Build();
await using var services = new ServiceCollection()
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddHumasWorkflow(configuration)
    .BuildServiceProvider();
await services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();

var seeder = new Seeder(services);
await seeder.AddWaitingAsync(12);
Console.WriteLine($"Azurite in memory (pid {azurite.ProcessId}); {runs} timed runs each, after one warm-up.");

await seeder.PublishUpToAsync(small);
var atSmall = await Measure(small);
await seeder.PublishUpToAsync(large);
var atLarge = await Measure(large);

Console.WriteLine();
Console.WriteLine($"{"published items",16} {"summary median",15} {"report median",14}");
Console.WriteLine($"{small,16:N0} {atSmall.Summary,12:F1} ms {atSmall.Report,11:F1} ms");
Console.WriteLine($"{large,16:N0} {atLarge.Summary,12:F1} ms {atLarge.Report,11:F1} ms");
Console.WriteLine($"ratio {large:N0}/{small:N0}: summary {atLarge.Summary / atSmall.Summary:F2}, report {atLarge.Report / atSmall.Report:F2}");
return;

async Task<(double Summary, double Report)> Measure(int items)
{
    var summary = services.GetRequiredService<WeeklySummary>();
    var reporter = services.GetRequiredService<TargetReporter>();
    var check = await summary.RunNowAsync();
    if (check.Report.PublishedItems != items)
        throw new InvalidOperationException($"The counters say {check.Report.PublishedItems} published items, not {items}.");
    var summaryTimes = new List<double>();
    var reportTimes = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await summary.RunNowAsync();
        summaryTimes.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await reporter.BuildAsync(reporter.CurrentYear);
        reportTimes.Add(watch.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{items:N0} items: summary runs {string.Join(", ", summaryTimes.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; " +
                      $"{check.Overdue.Count} overdue decisions, {check.Recipients.Count} recipients");
    return (Figures.Median(summaryTimes), Figures.Median(reportTimes));
}

/// <summary>Writes published items straight through the store classes: record and history, website publication, count.</summary>
internal sealed class Seeder(IServiceProvider services)
{
    private readonly SubmissionStore store = services.GetRequiredService<SubmissionStore>();
    private readonly WebsiteFeed feed = services.GetRequiredService<WebsiteFeed>();
    private readonly ProgressStore progress = services.GetRequiredService<ProgressStore>();
    private readonly TargetRules rules = services.GetRequiredService<TargetRules>();
    private readonly UnitProfile unit = services.GetRequiredService<UnitProfile>();
    private int published;

    public async Task PublishUpToAsync(int total)
    {
        var watch = Stopwatch.StartNew();
        var year = DateTimeOffset.UtcNow.ToWib().Year;
        var start = Pace.StartOfYear(year);
        var span = DateTimeOffset.UtcNow - start;
        var next = published;
        var batches = Enumerable.Range(next, total - next).Chunk(ProgressStore.MaxPerTransaction).ToList();
        // Several batches at once, as a busy office would; the counter row's ETag keeps them from losing counts.
        var writing = TimeSpan.Zero;
        var counting = TimeSpan.Zero;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            var entries = new List<CountEntry>();
            var phase = Stopwatch.StartNew();
            foreach (var n in batch)
            {
                var at = start + span * ((n % 997) / 997.0);
                var s = Item(n, at);
                await store.SaveAsync(s, new HistoryEntry { Step = 7, At = at, Status = SubmissionStatus.Published, Event = HistoryEvent.Published }, ct);
                await feed.PublishAsync(s, at, ct);
                var facts = new CountedFacts
                {
                    At = at, ContentType = s.Content.ContentType, PriorityProgram = s.Content.PriorityProgram, Program = s.Content.Program,
                    Channels = ["website"], Team = s.Content.Team, Region = s.Content.Region,
                };
                entries.Add(new CountEntry(CountPublication.What(s.Id), rules.CountersFor(facts)));
            }
            lock (batches) writing += phase.Elapsed;
            phase.Restart();
            await progress.CountAsync(year, entries, ct);
            lock (batches) counting += phase.Elapsed;
        });
        published = total;
        Console.WriteLine($"seeded {total:N0} published items in {watch.Elapsed.TotalSeconds:F0} s " +
                          $"(writing {writing.TotalSeconds:F0} s, counting {counting.TotalSeconds:F0} s, summed over parallel batches)");
    }

    /// <summary>Submissions waiting on review for days, so the summary has overdue decisions to list.</summary>
    public async Task AddWaitingAsync(int count)
    {
        for (var n = 0; n < count; n++)
        {
            var since = DateTimeOffset.UtcNow.AddDays(-2 - n);
            var s = Item(-1 - n, since) with
            {
                Status = SubmissionStatus.InReview, WaitingStage = Stage.Review, Round = 1, WaitingFor = ["Redaktur Humas"], Deadline = since.AddDays(3),
            };
            await store.SaveAsync(s, new HistoryEntry { Step = 1, At = since, Status = s.Status, Event = HistoryEvent.ReviewRequested });
        }
    }

    private Submission Item(int n, DateTimeOffset at)
    {
        var type = ContentTypes.All[Math.Abs(n) % ContentTypes.All.Count];
        return new Submission
        {
            Id = $"{at.UtcDateTime:yyyyMMdd}-b{Math.Abs(n):D9}{(n < 0 ? "w" : "p")}",
            Content = new SubmissionContent
            {
                Title = $"Kegiatan {n}", Summary = "Ringkasan", Body = "Isi", ContentType = type, Channels = ["website"], Track = "external",
                Team = unit.Teams[Math.Abs(n) % unit.Teams.Count].Id, Region = unit.Regions[Math.Abs(n) * 7 % unit.Regions.Count].Code,
                PriorityProgram = n % 3 == 0, Program = "PDM-07", SubmitterEmail = "bench@example.org",
            },
            Status = SubmissionStatus.Published, CreatedAt = at, UpdatedAt = at, LastStep = 7,
        };
    }
}
