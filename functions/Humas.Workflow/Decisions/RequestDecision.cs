using Humas.Workflow.Orchestration;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// A stage's request, reminder or escalation (<see cref="DecisionRequests"/>). Versions 1 to 5 ask each stage with it;
/// from version 6 a stage is opened by <c>OpenStage</c> and this one sends its reminders and escalations.
/// </summary>
public sealed class RequestDecision(DecisionRequests requests) : TaskActivity<DecisionRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DecisionRequest r)
    {
        await requests.RequestAsync(r);
        return true;
    }
}
