using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Vocabulary;
using Microsoft.DurableTask;

namespace Humas.Workflow.Takedown;

/// <summary>
/// Takes a submission down from one channel, once: the feed entry removed, the WordPress post trashed and its image
/// deleted, the YouTube video set private; a channel whose API cannot remove a post (Instagram, partner media) is a
/// task mailed to the Humas team with the post's address, as is a channel that keeps refusing. The channel's record
/// (<c>takedown-{channel}</c>) and its history row are written once; a repeated delivery finds them and answers the same.
/// </summary>
public sealed class TakeDownChannel(
    SubmissionStore store, WebsiteFeed feed, IEnumerable<IPublicationChannel> adapters, ChannelPublisher publisher, Mailer mailer,
    MailRenderer mails, UnitProfile unit, UnitPeople people, Links.Links links, TimeProvider clock)
    : TaskActivity<ChannelTakedown, TakedownRecord>
{
    public override async Task<TakedownRecord> RunAsync(TaskActivityContext context, ChannelTakedown input)
    {
        var key = WebsiteFeed.TakedownKey(input.Channel);
        var record = await store.GetMarkerAsync<TakedownRecord>(input.SubmissionId, key)
                     ?? (await store.TryAddMarkerAsync(input.SubmissionId, key, await TakeDownAsync(input))).Value;
        await RecordStepAsync(input.SubmissionId, record);
        return record;
    }

    private async Task<TakedownRecord> TakeDownAsync(ChannelTakedown input)
    {
        var s = await store.GetExistingAsync(input.SubmissionId);
        var published = await store.GetMarkerAsync<PublicationRecord>(s.Id, WebsiteFeed.PublicationKey(input.Channel))
                        ?? throw new InvalidOperationException($"{s.Id} has no publication on {input.Channel}.");
        TakedownRecord Done(string outcome, string? answer) => new(input.Channel, outcome, clock.GetUtcNow(), published.PostId, published.Url, answer);

        switch (input.Channel)
        {
            case WebsiteFeed.Channel:
                await feed.RemoveAsync(s.Id, published.At);
                return Done(TakedownOutcomes.Removed, "feed");
            case WordPressChannel.ChannelName when adapters.OfType<WordPressChannel>().FirstOrDefault() is { IsConfigured: true } wordpress:
            {
                var featured = await new ChannelProgress(store, s.Id, input.Channel).GetAsync<int?>("featured-media", default);
                var (answer, failed) = await publisher.AttemptAsync(s.Id, input.Channel, published.Attempt,
                    token => wordpress.TakeDownAsync(published.PostId!, featured, token));
                return failed is null ? Done(TakedownOutcomes.Removed, answer) : await ByHandAsync(s, input, published, failed.Reason);
            }
            case YouTubeChannel.ChannelName when adapters.OfType<YouTubeChannel>().FirstOrDefault() is { IsConfigured: true } youtube:
            {
                var (answer, failed) = await publisher.AttemptAsync(s.Id, input.Channel, published.Attempt,
                    token => youtube.MakePrivateAsync(published.PostId!, token));
                return failed is null ? Done(TakedownOutcomes.MadePrivate, answer) : await ByHandAsync(s, input, published, failed.Reason);
            }
            default:
                return await ByHandAsync(s, input, published, null);
        }
    }

    /// <summary>The Humas team is mailed the task, once; without a team address the record says the task could not be sent.</summary>
    private async Task<TakedownRecord> ByHandAsync(Submission s, ChannelTakedown input, PublicationRecord published, string? failure)
    {
        var team = (await people.CurrentAsync()).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        if (team is null)
            return new(input.Channel, TakedownOutcomes.Failed, clock.GetUtcNow(), published.PostId, published.Url, null,
                (failure is null ? "" : failure + "; ") + "tidak ada alamat tim Humas / no Humas team address");
        await mailer.SendOnceAsync(s.Id, WebsiteFeed.TakedownKey(input.Channel), await mails.MailAsync<TakedownTaskMail>(unit, team.Email, team.Name,
            TakedownTaskMail.SubjectFor(unit, s, input.Channel), new Dictionary<string, object?>
            {
                [nameof(TakedownTaskMail.Submission)] = s,
                [nameof(TakedownTaskMail.Channel)] = input.Channel,
                [nameof(TakedownTaskMail.PostUrl)] = published.Url ?? published.PostId ?? "",
                [nameof(TakedownTaskMail.Reason)] = input.Reason,
                [nameof(TakedownTaskMail.Failure)] = failure,
                [nameof(TakedownTaskMail.Greeting)] = team.Name,
                [nameof(TakedownTaskMail.Link)] = $"{links.BaseUrl}/api/submissions/{s.Id}",
            }));
        return new(input.Channel, failure is null ? TakedownOutcomes.TaskMailed : TakedownOutcomes.Failed, clock.GetUtcNow(),
            published.PostId, published.Url, team.Email, failure);
    }

    /// <summary>The channel's history row, unless an earlier delivery wrote it.</summary>
    private async Task RecordStepAsync(string id, TakedownRecord record)
    {
        var history = await store.GetHistoryAsync(id);
        if (history.Any(h => h.Event == HistoryEvent.TakedownStep && h.Decision == record.Channel)) return;
        var s = await store.GetExistingAsync(id);
        if (s.Status != SubmissionStatus.Published) return;
        var done = Terms.Takedown(record.Outcome);
        await store.ApplyNextAsync(id, x => x.RecordTakedownStep(record.At, record.Channel,
            $"{Terms.Channel(record.Channel).Id}: {done.Id} / {Terms.Channel(record.Channel).En}: {done.En}" + (record.Reason is { } r ? $" ({r})" : "")));
    }
}
