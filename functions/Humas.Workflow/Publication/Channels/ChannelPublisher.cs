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
    People.UnitPeople people, Links.Links links, IOptions<HumasOptions> options, TimeProvider clock, Faults.FaultPoints faults, ILogger<ChannelPublisher> logger,
    ChannelHealthStore health, ReconnectNotice notice)
{
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
    /// The outcome of try <paramref name="attempt"/> on one channel, kept with the submission, and told when it failed. A
    /// repeated delivery of the same try answers the record it already wrote; only a later try (an admin's retry) goes
    /// out again, and never after a publication.
    /// </summary>
    public async Task<PublicationRecord> PublishAsync(Submission s, string channel, int attempt, CancellationToken ct = default) =>
        await KeepAsync(s, await TryAsync(s, channel, attempt, ct), ct);

    /// <summary>
    /// Try <paramref name="attempt"/> on one channel, without keeping its record: the record an earlier try kept when it
    /// settles this one, or what the channel answers now. The adapters find their own earlier posts, so a try delivered
    /// again before its record was kept does not post twice.
    /// </summary>
    public Task<PublicationRecord> TryAsync(Submission s, string channel, int attempt, CancellationToken ct = default) =>
        TryAsync(s, new ChannelPublication(s.Id, channel, clock.GetUtcNow(), attempt), ct);

    /// <summary>
    /// The same for one channel's publication as the orchestration asked it; one that may wait (version 5) answers a
    /// Waiting record when the channel refuses its credential or its limit is reached.
    /// </summary>
    public async Task<PublicationRecord> TryAsync(Submission s, ChannelPublication publication, CancellationToken ct = default)
    {
        var (channel, attempt) = (publication.Channel, publication.Attempt);
        if (await SettledAsync(s.Id, channel, attempt, ct) is { } earlier) return earlier;
        var adapter = channels.FirstOrDefault(c => c.Name == channel);
        if (adapter is null || !adapter.IsConfigured) return NotConfigured(channel, attempt);
        var progress = new ChannelProgress(store, s.Id, channel);
        var (post, failed) = await AttemptAsync(publication, token => adapter.PublishAsync(s, progress, token), ct);
        if (failed is not null) return failed;
        faults.CrashAfter(Faults.FaultPoints.AfterPublication(channel));
        return Published(channel, attempt, post!);
    }

    /// <summary>
    /// The record that settles try <paramref name="attempt"/>: a publication, or a final record of this try or a later
    /// one. A Waiting record settles nothing: it is what the channel said last while the try goes on.
    /// </summary>
    public async Task<PublicationRecord?> SettledAsync(string submissionId, string channel, int attempt, CancellationToken ct = default)
    {
        var earlier = await store.GetMarkerAsync<PublicationRecord>(submissionId, WebsiteFeed.PublicationKey(channel), ct);
        return earlier is not null && (earlier.Status == PublicationStatus.Published
                                       || (earlier.Status != PublicationStatus.Waiting && earlier.Attempt >= attempt)) ? earlier : null;
    }

    /// <summary>
    /// Runs requests to a channel with its retries for passing faults. A channel that refuses, or keeps failing, gives the
    /// Failed record of this try instead of a value.
    /// </summary>
    public Task<(T? Value, PublicationRecord? Failed)> AttemptAsync<T>(
        string submissionId, string channel, int attempt, Func<CancellationToken, Task<T>> requests, CancellationToken ct = default) =>
        AttemptAsync(new ChannelPublication(submissionId, channel, clock.GetUtcNow(), attempt), requests, ct);

    /// <summary>
    /// The same for one channel's publication as the orchestration asked it. A refused credential marks the channel as
    /// needing reconnecting (the Humas team told once, then weekly); a publication that may wait answers a Waiting
    /// record instead of the failure for that and for a reached limit, until the profile's bound has passed.
    /// </summary>
    public async Task<(T? Value, PublicationRecord? Failed)> AttemptAsync<T>(
        ChannelPublication publication, Func<CancellationToken, Task<T>> requests, CancellationToken ct = default)
    {
        var (channel, attempt) = (publication.Channel, publication.Attempt);
        try
        {
            var value = await retry.ExecuteAsync(async token => await requests(token), ct);
            if (await health.GetAsync(channel, ct) is not null) await health.ClearAsync(channel, ct);
            return (value, null);
        }
        catch (Exception e) when (e is ChannelException or HttpRequestException)
        {
            logger.LogWarning(e, "Publication of {Id} on {Channel} failed", publication.SubmissionId, channel);
            var refused = e as ChannelException;
            var now = clock.GetUtcNow();
            if (refused is { NeedsReconnecting: true }) await notice.TellAsync(await health.MarkAsync(channel, e.Message, now, ct), now, ct);
            var waitFor = refused switch
            {
                { NeedsReconnecting: true } => ChannelWaitReason.Reconnect,
                { LimitedUntil: not null } => ChannelWaitReason.RateLimit,
                _ => null,
            };
            if (publication.MayWait && waitFor is not null) return (default, Waiting(publication, waitFor, refused!, now));
            return (default, Failed(channel, attempt, e.Message, refused?.Answer));
        }
    }

    /// <summary>
    /// The Waiting record of a channel that refused or is limited: the next try after the configured pause (a
    /// reconnection) or when the limit frees, never past the profile's bound from the first wait; at the bound it is
    /// the channel's failure, which people are told of as of any other.
    /// </summary>
    private PublicationRecord Waiting(ChannelPublication publication, string waitFor, ChannelException e, DateTimeOffset now)
    {
        var since = publication.WaitingSince ?? now;
        var bound = unit.ChannelWaits.Bound(reconnect: waitFor == ChannelWaitReason.Reconnect);
        if (now >= since + bound)
            return Failed(publication.Channel, publication.Attempt,
                $"{e.Message} (menunggu {Vocabulary.Terms.Duration(bound).Id} / waited {Vocabulary.Terms.Duration(bound).En})", e.Answer);
        var settings = options.Value.Channels;
        var until = e.LimitedUntil ?? now + settings.ReconnectCheckEvery;
        if (waitFor == ChannelWaitReason.RateLimit && settings.RateLimitWaitAtMost is { } most && until > now + most) until = now + most;
        if (until > since + bound) until = since + bound;
        if (until <= now) until = now + TimeSpan.FromSeconds(1);
        return new(publication.Channel, PublicationStatus.Waiting, null, null, now, e.Answer, publication.Attempt, e.Message,
            until, waitFor, since);
    }

    /// <summary>
    /// Keeps a try's record with the submission, unless a record that settles it is there already (then that one stands),
    /// and tells the submitter and the Humas team when the kept record is a failure; they are told once per try.
    /// </summary>
    public async Task<PublicationRecord> KeepAsync(Submission s, PublicationRecord record, CancellationToken ct = default)
    {
        var key = WebsiteFeed.PublicationKey(record.Channel);
        var kept = await SettledAsync(s.Id, record.Channel, record.Attempt, ct);
        if (kept is null)
        {
            var earlier = await store.GetMarkerAsync<PublicationRecord>(s.Id, key, ct);
            if (earlier is null)
            {
                (_, kept) = await store.TryAddMarkerAsync(s.Id, key, record, ct);
            }
            else
            {
                await storage.Table(HumasStorage.SubmissionsTable)
                    .UpsertEntityAsync(SubmissionStore.Row(s.Id, key, record), TableUpdateMode.Replace, ct);
                kept = record;
            }
        }
        // A delivery that kept the record but died before the mail sends it now; the mail's own marker keeps it to one.
        if (kept.Status == PublicationStatus.Failed) await TellFailureAsync(s, kept, ct);
        return kept;
    }

    public PublicationRecord Published(string channel, int attempt, ChannelPost post) =>
        new(channel, PublicationStatus.Published, post.PostId, post.Url, clock.GetUtcNow(), post.Answer, attempt);

    public PublicationRecord Failed(string channel, int attempt, string reason, string? answer = null) =>
        new(channel, PublicationStatus.Failed, null, null, clock.GetUtcNow(), answer, attempt, reason);

    public PublicationRecord NotConfigured(string channel, int attempt) =>
        new(channel, PublicationStatus.NotConfigured, null, null, clock.GetUtcNow(), null, attempt,
            "Kanal belum dikonfigurasi / channel not configured");

    private async Task TellFailureAsync(Submission s, PublicationRecord record, CancellationToken ct)
    {
        var key = $"publication-failed-{record.Channel}-{record.Attempt}";
        var reason = record.Reason ?? record.Status;
        await mailer.SendOnceAsync(s.Id, key, await PublicationMails.FailedAsync(mails, unit, s, record.Channel, reason,
            s.Content.SubmitterEmail, s.Content.SubmitterName, await links.TrackAsync(s, ct), forStaff: false), ct);
        // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
        var team = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == People.PersonKeys.HumasTeam);
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
