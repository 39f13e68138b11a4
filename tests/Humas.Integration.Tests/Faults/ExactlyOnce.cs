using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Targets;

namespace Humas.Integration.Tests.Faults;

/// <summary>
/// What a crash must not double: one feed entry, one publication record per channel, one press release per newsroom,
/// one "published" mail, and one count toward the year's targets.
/// </summary>
public sealed class ExactlyOnce(string storage, SmtpSink smtp)
{
    private TableServiceClient Tables => new(storage);

    public static int ThisYear() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    /// <summary>The year's counters as they stand now (the one tally row of the Progress table).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TallyAsync(int year)
    {
        var row = await Tables.GetTableClient("Progress").GetEntityIfExistsAsync<TableEntity>(year.ToString(CultureInfo.InvariantCulture), "tally");
        return row.HasValue ? JsonSerializer.Deserialize<Dictionary<string, int>>(row.Value!.GetString("Json"))! : new Dictionary<string, int>();
    }

    /// <summary>A website + media-partner submission: published once on each, its submitter told once.</summary>
    public async Task AssertPublishedOnceAsync(RestartableHost host, string id, string title)
    {
        var feed = Tables.GetTableClient("Published").Query<TableEntity>(e => e.PartitionKey == "website").Count(e => e.RowKey.EndsWith(id));
        Assert.Equal(1, feed);
        var markers = Tables.GetTableClient("Submissions").Query<TableEntity>(e => e.PartitionKey == id).Select(e => e.RowKey).ToList();
        Assert.Single(markers, k => k == "publication-website");
        Assert.Single(markers, k => k == "publication-media-partner");
        // The record says Published before its mail goes out (a restarted host's first mail can take seconds). A repeated
        // delivery of a step runs before the workflow can go past that step, so once the workflow has ended (and the
        // mails it sent are all kept) every mail it was ever going to send is counted.
        static bool PublishedMail(ReceivedMail m, string title) => m.IsFor("ani@example.org") && m.Subject.Contains(title) && m.Subject.Contains("telah terbit");
        await smtp.WaitForMessageAsync(m => PublishedMail(m, title), TimeSpan.FromSeconds(30));
        Assert.Equal("Completed", await host.WaitForWorkflowEndAsync(id));
        await smtp.FlushAsync();
        Assert.Single(smtp.Messages, m => PublishedMail(m, title));
        var pressReleases = smtp.Messages.Where(m => m.Subject.Contains("Siaran Pers") && m.Subject.Contains(title)).ToList();
        Assert.NotEmpty(pressReleases);
        Assert.All(pressReleases.GroupBy(m => string.Join(",", m.To)), g => Assert.Single(g));
        using var status = await host.StatusAsync(id);
        Assert.Equal(2, status.RootElement.GetProperty("publications").GetArrayLength());
    }

    /// <summary>
    /// Each submission has one marker in this year's partition, and every counter went up by exactly the number of
    /// these markers that name it: counted once each, nothing lost, nothing added.
    /// </summary>
    public async Task AssertCountedOnceAsync(IReadOnlyDictionary<string, int> before, params string[] ids)
    {
        var progress = Tables.GetTableClient("Progress");
        var year = ThisYear();
        var moved = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var marker = Assert.Single(progress.Query<TableEntity>(e => e.RowKey == ProgressStore.MarkerKey(CountPublication.What(id))));
            Assert.Equal(year.ToString(CultureInfo.InvariantCulture), marker.PartitionKey);
            var counters = marker.GetString("Counters").Split(' ');
            Assert.Contains(Counters.Items, counters);
            foreach (var counter in counters) moved[counter] = moved.GetValueOrDefault(counter) + 1;
        }
        var after = await TallyAsync(year);
        foreach (var counter in after.Keys.Union(before.Keys))
        {
            var expected = before.GetValueOrDefault(counter) + moved.GetValueOrDefault(counter);
            Assert.True(expected == after.GetValueOrDefault(counter),
                $"{counter}: {before.GetValueOrDefault(counter)} before, {after.GetValueOrDefault(counter)} after, {expected} expected");
        }
    }
}
