using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Calendar;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication;
using Humas.Workflow.Submissions;
using Humas.Workflow.Targets;
using Humas.Workflow.Tests.Staff;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>
/// Version 6's activities do in one what versions 3 to 5 did in several; delivered again, as the engine may after a
/// crash between their parts, each part is done once: one history row, one mail per person, one count.
/// </summary>
public sealed class MergedActivityTests : StaffServicesTests
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private readonly SmtpSink smtp;

    public MergedActivityTests(WorkflowFixture fixture) : base(fixture) => smtp = fixture.Smtp;

    private T Activity<T>() where T : ITaskActivity => ActivatorUtilities.CreateInstance<T>(staff.Services);

    private async Task<TOut> RunAsync<TActivity, TIn, TOut>(string id, TIn input) where TActivity : TaskActivity<TIn, TOut> =>
        await Activity<TActivity>().RunAsync(new ActivityRun(id), input);

    private async Task<IReadOnlyList<ReceivedMail>> MailsAsync(string title, string subjectPart)
    {
        await smtp.FlushAsync();
        return smtp.Messages.Where(m => m.Subject.Contains(title) && m.Subject.Contains(subjectPart)).ToList();
    }

    [Fact]
    public async Task A_stage_opened_twice_is_recorded_and_mailed_once_and_answers_the_same_deciders_and_times()
    {
        var s = await staff.AddAsync("Dibuka dua kali " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow);
        var at = DateTimeOffset.UtcNow;
        var opening = new StageOpening(s.Id, 1, at, Stage.Review, 1, TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromDays(2));

        var first = await RunAsync<OpenStage, StageOpening, StageOpened>(s.Id, opening);
        var again = await RunAsync<OpenStage, StageOpening, StageOpened>(s.Id, opening);

        Assert.Equal("reviewer", Assert.Single(first.Assignment.Deciders).Key);
        Assert.Equal(first.Plan, again.Plan);
        Assert.Equal(first.Assignment.Deciders, again.Assignment.Deciders);
        Assert.Equal(at + TimeSpan.FromDays(3), first.Plan.Deadline);
        Assert.Equal(at + TimeSpan.FromDays(1), first.Plan.RemindAt);
        var stored = (await staff.Store.GetAsync(s.Id))!;
        Assert.Equal((SubmissionStatus.InReview, Stage.Review, first.Plan.Deadline, 1), (stored.Status, stored.WaitingStage!.Value, stored.Deadline!.Value, stored.LastStep));
        Assert.Equal([HistoryEvent.Submitted, HistoryEvent.ReviewRequested], (await staff.Store.GetHistoryAsync(s.Id)).Select(h => h.Event));
        var mail = Assert.Single(await MailsAsync(s.Content.Title, "Mohon tinjau"));
        Assert.True(mail.IsFor(Reviewer));
    }

    [Fact]
    public async Task A_revision_opened_plans_no_reminder_and_asks_the_submitter()
    {
        var s = await staff.AddAsync("Revisi dibuka " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow,
            state: x => x with { Status = SubmissionStatus.RevisionRequested });
        var opened = await RunAsync<OpenStage, StageOpening, StageOpened>(s.Id,
            new StageOpening(s.Id, 1, DateTimeOffset.UtcNow, Stage.Revision, 1, TimeSpan.FromDays(3), null, null, "Lengkapi nama narasumber"));

        Assert.Equal("submitter", Assert.Single(opened.Assignment.Deciders).Key);
        Assert.Null(opened.Plan.RemindAt);
        Assert.Null(opened.Plan.EscalateAt);
        var mail = Assert.Single(await MailsAsync(s.Content.Title, "Mohon revisi"));
        Assert.True(mail.IsFor("ani@example.org"));
        Assert.Contains(mail.Links, l => l.Contains("/revise/"));
    }

    [Fact]
    public async Task A_publication_started_and_finished_twice_is_published_counted_and_told_once()
    {
        var s = await staff.AddAsync("Terbit sekali " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow,
            state: x => x with { Status = SubmissionStatus.Approved });
        var progress = staff.Services.GetRequiredService<ProgressStore>();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var before = await progress.GetAsync(year);

        var start = new PublicationStart(s.Id, 1, DateTimeOffset.UtcNow);
        var channels = await RunAsync<StartPublication, PublicationStart, IReadOnlyList<string>>(s.Id, start);
        Assert.Equal(channels, await RunAsync<StartPublication, PublicationStart, IReadOnlyList<string>>(s.Id, start));
        Assert.Equal([WebsiteFeed.Channel], channels);
        var website = await RunAsync<PublishToChannel, ChannelPublication, PublicationRecord>(s.Id, new ChannelPublication(s.Id, WebsiteFeed.Channel, start.At));

        var finish = new PublicationFinish(s.Id, 2, DateTimeOffset.UtcNow, [website]);
        var kept = await RunAsync<FinishPublication, PublicationFinish, IReadOnlyList<PublicationRecord>>(s.Id, finish);
        var counted = await progress.GetAsync(year);
        var keptAgain = await RunAsync<FinishPublication, PublicationFinish, IReadOnlyList<PublicationRecord>>(s.Id, finish);

        Assert.Equal(PublicationStatus.Published, Assert.Single(kept).Status);
        Assert.Equal(kept, keptAgain);
        Assert.True(await progress.IsCountedAsync(year, CountPublication.What(s.Id)));
        Assert.Equal(before.GetValueOrDefault(Counters.Items) + 1, counted.GetValueOrDefault(Counters.Items));
        Assert.Equal(counted, await progress.GetAsync(year));
        Assert.Equal([HistoryEvent.Submitted, HistoryEvent.Publishing, HistoryEvent.Published],
            (await staff.Store.GetHistoryAsync(s.Id)).Select(h => h.Event));
        Assert.Equal(SubmissionStatus.Published, (await staff.Store.GetAsync(s.Id))!.Status);
        Assert.True(Assert.Single(await MailsAsync(s.Content.Title, "telah terbit")).IsFor("ani@example.org"));
    }

    [Fact]
    public async Task A_publication_that_went_out_nowhere_closes_failed_and_is_not_counted()
    {
        var s = await staff.AddAsync("Gagal terbit " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow,
            state: x => x with { Status = SubmissionStatus.Publishing, LastStep = 1 });
        var failed = new PublicationRecord(WebsiteFeed.Channel, PublicationStatus.Failed, null, null, DateTimeOffset.UtcNow, null, 1, "feed down");

        await RunAsync<FinishPublication, PublicationFinish, IReadOnlyList<PublicationRecord>>(s.Id,
            new PublicationFinish(s.Id, 2, DateTimeOffset.UtcNow, [failed]));

        Assert.Equal(SubmissionStatus.PublicationFailed, (await staff.Store.GetAsync(s.Id))!.Status);
        Assert.False(await staff.Services.GetRequiredService<ProgressStore>().IsCountedAsync(
            DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year, CountPublication.What(s.Id)));
    }
}
