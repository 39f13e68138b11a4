using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;

namespace Humas.Workflow.Tests.Unit;

public sealed class WorkflowStartTests
{
    /// <summary>Intake and staff start workflows by this name; the engine runs the class registered under its own.</summary>
    [Fact]
    public void Workflows_are_started_under_the_orchestrators_name() =>
        Assert.Equal(nameof(SubmissionWorkflow), WorkflowStart.Orchestrator);
}
