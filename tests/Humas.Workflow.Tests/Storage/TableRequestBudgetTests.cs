using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Humas.Workflow.Tests.Storage;

/// <summary>
/// What a submission costs the app in table requests, beside the engine's own: counted on the app's table clients over
/// Azurite while one website-only submission goes from intake to published, divided by its state changes (history rows).
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class TableRequestBudgetTests(WorkflowFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// App-table requests per state change, on average over the whole workflow (32 for 7 state changes on the merged
    /// activities, with the links in the state's transaction; what each is for is in docs/decisions/0020).
    /// </summary>
    private const double Budget = 4.6;

    [Fact]
    public async Task A_state_change_costs_its_transaction_and_its_list_row_and_the_workflow_stays_in_its_budget()
    {
        var counter = new TableRequestCounter { Counting = false };
        var counted = counter.Storage(fixture.Azurite.ConnectionString);
        await using var host = await WorkflowHost.StartAsync(fixture, services: s => s.AddSingleton(counted));
        // The test watches through a store of its own, so its polling is not counted.
        var look = new SubmissionStore(new HumasStorage(
            new TableServiceClient(fixture.Azurite.ConnectionString), new BlobServiceClient(fixture.Azurite.ConnectionString)));

        // A first submission warms what a running host has warm (settings read once, clients connected); the second counts.
        await RunAsync(host, look);
        counter.Clear();
        counter.Counting = true;
        var id = await RunAsync(host, look);
        counter.Counting = false;

        var requests = counter.Requests;
        var changes = (await look.GetHistoryAsync(id)).Count;
        foreach (var r in requests) output.WriteLine($"{r.Kind,-12} {r.Method,-6} {r.Target}");
        output.WriteLine("");
        foreach (var kind in requests.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()))
            output.WriteLine($"{kind.Key,-12} {kind.Count(),4}  {(double)kind.Count() / changes:F2} per state change");
        var perChange = (double)requests.Count / changes;
        output.WriteLine($"{"all",-12} {requests.Count,4}  {perChange:F2} per state change, over {changes} state changes");

        Assert.True(changes >= 7, $"{changes} state changes: the workflow did not run its whole way.");
        // The save itself: one transaction and one list row per state change, beside them only the year's tally
        // (a transaction) and the calendar row written at publication.
        var saves = requests.Count(r => r.Kind is "transaction" or "index");
        Assert.True(saves <= 2 * changes + 2, $"{saves} transactions and index requests for {changes} state changes.");
        Assert.True(perChange <= Budget, $"{requests.Count} app-table requests for {changes} state changes: {perChange:F2} each, over the budget of {Budget}.");
    }

    private async Task<string> RunAsync(WorkflowHost host, SubmissionStore look)
    {
        var now = DateTimeOffset.UtcNow;
        var id = SubmissionIds.New(now);
        // Stored as intake stores it, then started as intake starts it.
        await host.Store.CreateAsync(new Submission
        {
            Id = id, Content = WorkflowHost.Content(), Status = SubmissionStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        }, new HistoryEntry { Step = 0, At = now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted });
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow), WorkflowHost.Input(id), new StartOrchestrationOptions(id));

        await WaitAsync(look, id, Stage.Review);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await WaitAsync(look, id, Stage.Approval);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "kabag-umum");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        return id;
    }

    private static async Task WaitAsync(SubmissionStore look, string id, Stage stage)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if ((await look.GetAsync(id))?.WaitingStage == stage) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{id} never waited for {stage}.");
    }
}
