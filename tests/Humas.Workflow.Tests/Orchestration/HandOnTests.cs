using Humas.Workflow.Orchestration;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>
/// A seat handed to a colleague (workflow version 4), on the in-process engine with timers in seconds: the colleague is
/// mailed their own link, reminders follow the seat, the one who handed it on no longer decides, the history says who,
/// to whom and why.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class HandOnTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private const string Head = "kepala@bbpmp-jateng.example";
    private WorkflowHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowHost.StartAsync(fixture);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task HandOnAsync(string id, Stage stage, string from, string to, string reason) =>
        host.Client.RaiseEventAsync(id, WorkflowEvents.For(stage, 1),
            new DecisionMade(stage, 1, DecisionValues.Reassign, reason, from, from, DateTimeOffset.UtcNow, To: to));

    [Fact]
    public async Task The_colleague_is_mailed_reminded_and_decides_while_the_first_decider_no_longer_counts()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 30, reminder: 6));
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await HandOnAsync(id, Stage.Review, "reviewer", "head", "Saya cuti minggu ini");

        var handed = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Head) && m.Subject.Contains(content.Title) && m.Subject.Contains("Diserahkan oleh"), TimeSpan.FromSeconds(20));
        Assert.Contains("Saya cuti minggu ini", handed.TextBody);
        var waiting = await host.Store.GetAsync(id);
        Assert.Equal(["head"], waiting!.Awaiting);
        var row = Assert.Single(await host.Store.GetHistoryAsync(id), h => h.Event == HistoryEvent.ReviewHandedOn);
        Assert.Equal(("reviewer", "Kepala BBPMP Jawa Tengah", "Saya cuti minggu ini", DecisionValues.Reassign), (row.Actor, row.To, row.Comment, row.Decision));

        var reminder = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(Head) && m.Subject.Contains(content.Title) && m.Subject.Contains("Pengingat"), TimeSpan.FromSeconds(20));
        Assert.Equal(handed.Link("/act/"), reminder.Link("/act/"));

        // The reviewer's own answer comes too late to count: the seat is the head's now.
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Reject, "terlambat");
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept, person: "head");
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        var accepted = Assert.Single(await host.Store.GetHistoryAsync(id), h => h.Event == HistoryEvent.ReviewAccepted);
        Assert.Equal("head", accepted.Actor);
    }

    [Fact]
    public async Task A_hand_on_of_a_seat_nobody_holds_changes_nothing()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 30));
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await HandOnAsync(id, Stage.Review, "kabag-umum", "head", "bukan kursi saya");
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        Assert.DoesNotContain(await host.Store.GetHistoryAsync(id), h => h.Event == HistoryEvent.ReviewHandedOn);
    }
}
