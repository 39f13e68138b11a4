using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>Records one answer of an all or sequence stage; the stage keeps waiting for the others.</summary>
public sealed class RecordResponse(SubmissionStore store) : TaskActivity<ResponseInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ResponseInput input)
    {
        var s = await store.GetAsync(input.SubmissionId) ?? throw new InvalidOperationException($"No submission {input.SubmissionId}.");
        var d = input.Response;
        var entry = new HistoryEntry
        {
            Step = input.Step, At = d.At, Status = s.Status, Event = $"{d.Stage}Response", Actor = d.PersonName,
            OnBehalfOf = d.OnBehalfOfName, Decision = d.Decision, Comment = d.Comment,
        };
        var updated = s.LastStep > input.Step ? s : s with
        {
            UpdatedAt = d.At, LastStep = input.Step,
            Awaiting = s.Awaiting.Where(k => !string.Equals(k, d.SeatKey, StringComparison.OrdinalIgnoreCase)).ToList(),
            WaitingFor = input.StillWaitingFor,
            Responses = [.. s.Responses, new StageResponse(d.PersonKey, d.PersonName, d.Decision, d.Comment, d.At, d.OnBehalfOfName)],
        };
        await store.SaveAsync(updated, entry);
        return true;
    }
}
