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
        var d = input.Response;
        await store.ApplyAsync(input.SubmissionId, input.Step, s => s.Respond(
            d.Stage, d.SeatKey, new StageResponse(d.PersonKey, d.PersonName, d.Decision, d.Comment, d.At, d.OnBehalfOfName), input.StillWaitingFor));
        return true;
    }
}
