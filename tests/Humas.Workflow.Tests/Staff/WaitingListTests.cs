using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>The weekly summary's list of open decisions is read from the list's own rows.</summary>
public sealed class WaitingListTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private WaitingIndex Waiting => staff.Services.GetRequiredService<WaitingIndex>();

    [Fact]
    public async Task A_submission_is_listed_while_it_waits_on_a_stage_and_not_after()
    {
        var s = await staff.AddAsync("Menunggu tinjauan", DateTimeOffset.UtcNow);
        var since = DateTimeOffset.UtcNow;
        var deadline = since.AddDays(2);
        await staff.Store.ApplyAsync(s.Id, 1, x => new SubmissionChange(x with
        {
            Status = SubmissionStatus.InReview, WaitingStage = Stage.Review, Round = 1, WaitingFor = ["Redaktur Humas", "Kepala Bagian Umum"],
            UpdatedAt = since, Deadline = deadline,
        }, HistoryEvent.ReviewRequested));

        var waiting = Assert.Single(await Waiting.AllAsync(), w => w.Id == s.Id);
        Assert.Equal((s.Content.Title, Stage.Review, 1), (waiting.Title, waiting.Stage, waiting.Round));
        Assert.Equal(["Redaktur Humas", "Kepala Bagian Umum"], waiting.WaitingFor);
        Assert.Equal((since, deadline), (waiting.Since, waiting.Deadline));

        await staff.Store.ApplyAsync(s.Id, 2, x => new SubmissionChange(x with
        {
            Status = SubmissionStatus.Approved, WaitingStage = null, WaitingFor = [], UpdatedAt = DateTimeOffset.UtcNow,
        }, HistoryEvent.ReviewAccepted));
        Assert.DoesNotContain(await Waiting.AllAsync(), w => w.Id == s.Id);
    }
}
