using Azure.Data.Tables;
using Humas.Workflow.Configuration;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// Publishes a submission on one outside channel, once: a channel with a Published record is never posted to again,
/// passing faults are tried again with backoff, and a channel that keeps failing ends Failed with its reason while
/// the submitter and the Humas team are told.
/// </summary>
public sealed class ChannelPublisher(
    IEnumerable<IPublicationChannel> channels, SubmissionStore store, HumasStorage storage, Mailer mailer, MailRenderer mails, UnitProfile unit,
    People.UnitPeople people, Links.Links links, IOptions<HumasOptions> options, TimeProvider clock, Faults.FaultPoints faults, ILogger<ChannelPublisher> logger)
{
    public const string HumasTeam = "humas-team";
    private readonly ResiliencePipeline retry = Pipeline(options.Value.Channels, logger);

    /// <summary>
    /// The records a submission's chosen channels lead to: website adds the WordPress site when it is configured (the
    /// built-in feed is published apart); every other choice gets its adapter's record, or a not-configured one.
    /// </summary>
    public IReadOnlyList<string> Targets(Submission s)
    {
        var targets = new List<string>();
        foreach (var chosen in s.Content.Channels)
        {
            var serving = channels.Where(c => c.Serves == chosen).ToList();
            if (chosen == WebsiteFeed.Channel) targets.AddRange(serving.Where(c => c.IsConfigured).Select(c => c.Name));
            else targets.AddRange(serving.Count == 0 ? [chosen] : serving.Select(c => c.Name));
        }
        return targets.Distinct().ToList();
    }

    /// <summary>True for a channel name a publication record can have.</summary>
    public bool Knows(string channel) =>
        channels.Any(c => c.Name == channel) || Submissions.Channels.All.Contains(channel);

    /// <summary>
    /// The outcome of try <paramref name="attempt"/> on one channel. A repeated delivery of the same try answers the
    /// record it already wrote; only a later try (an admin's retry) goes out again, and never after a publication.
    /// </summary>
    public async Task<PublicationRecord> PublishAsync(Submission s, string channel, int attempt, CancellationToken ct = default)
    {
        var key = WebsiteFeed.PublicationKey(channel);
        var earlier = await store.GetMarkerAsync<PublicationRecord>(s.Id, key, ct);
        if (earlier is not null && (earlier.Status == PublicationStatus.Published || earlier.Attempt >= attempt)) return earlier;

        var adapter = channels.FirstOrDefault(c => c.Name == channel);
        PublicationRecord record;
        if (adapter is null || !adapter.IsConfigured)
        {
            record = new PublicationRecord(channel, PublicationStatus.NotConfigured, null, null, clock.GetUtcNow(),
                null, attempt, "Kanal belum dikonfigurasi / channel not configured");
        }
        else
        {
            var progress = new ChannelProgress(store, s.Id, channel);
            try
            {
                var post = await retry.ExecuteAsync(async token => await adapter.PublishAsync(s, progress, token), ct);
                faults.CrashAfter(Faults.FaultPoints.AfterPublication(channel));
                record = new PublicationRecord(channel, PublicationStatus.Published, post.PostId, post.Url, clock.GetUtcNow(), post.Answer, attempt);
            }
            catch (Exception e) when (e is ChannelException or HttpRequestException)
            {
                logger.LogWarning(e, "Publication of {Id} on {Channel} failed", s.Id, channel);
                record = new PublicationRecord(channel, PublicationStatus.Failed, null, null, clock.GetUtcNow(),
                    (e as ChannelException)?.Answer, attempt, e.Message);
            }
        }

        if (earlier is null)
        {
            var (added, kept) = await store.TryAddMarkerAsync(s.Id, key, record, ct);
            if (!added) return kept;
        }
        else
        {
            await storage.Table(HumasStorage.SubmissionsTable)
                .UpsertEntityAsync(SubmissionStore.Row(s.Id, key, record), TableUpdateMode.Replace, ct);
        }
        if (record.Status == PublicationStatus.Failed) await TellFailureAsync(s, record, ct);
        return record;
    }

    private async Task TellFailureAsync(Submission s, PublicationRecord record, CancellationToken ct)
    {
        var key = $"publication-failed-{record.Channel}-{record.Attempt}";
        var reason = record.Reason ?? record.Status;
        await mailer.SendOnceAsync(s.Id, key, await PublicationMails.FailedAsync(mails, unit, s, record.Channel, reason,
            s.Content.SubmitterEmail, s.Content.SubmitterName, links.Track(s), forStaff: false), ct);
        // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
        var team = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == HumasTeam);
        if (team is not null)
            await mailer.SendOnceAsync(s.Id, key, await PublicationMails.FailedAsync(mails, unit, s, record.Channel, reason,
                team.Email, team.Name, $"{links.BaseUrl}/api/submissions/{s.Id}", forStaff: true), ct);
    }

    private static ResiliencePipeline Pipeline(ChannelOptions o, ILogger logger)
    {
        if (o.MaxRetryAttempts < 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ChannelException>(e => e.Transient).Handle<HttpRequestException>(),
            MaxRetryAttempts = o.MaxRetryAttempts,
            Delay = o.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                logger.LogInformation("Channel try {Attempt} failed ({Reason}); trying again in {Delay}",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                return default;
            },
        }).Build();
    }
}
