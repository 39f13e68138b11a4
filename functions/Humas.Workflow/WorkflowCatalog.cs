using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Publication;
using Humas.Workflow.Revision;
using Humas.Workflow.Targets;

namespace Humas.Workflow;

/// <summary>The workflow's orchestrators and activities, registered by class name in both hosts.</summary>
public static class WorkflowCatalog
{
    public static readonly IReadOnlyList<Type> Orchestrators = [typeof(SubmissionWorkflow), typeof(RetryPublication), typeof(Takedown.TakedownWorkflow)];

    public static readonly IReadOnlyList<Type> Activities =
        [typeof(RecordTransition), typeof(AssignDeciders), typeof(RequestDecision), typeof(RecordResponse), typeof(ApplyRevision),
         typeof(PublishSubmission), typeof(PublishChannel), typeof(CountPublication),
         typeof(PlanPublication), typeof(PublishToChannel), typeof(RecordPublication),
         typeof(CreateInstagramContainer), typeof(CheckInstagramContainer), typeof(PublishInstagramContainer),
         typeof(PlanDeadline), typeof(HandOnDecision), typeof(RecordChannelWait),
         typeof(Takedown.PlanTakedown), typeof(Takedown.TakeDownChannel), typeof(Takedown.RecordTakedown),
         typeof(OpenStage), typeof(StartPublication), typeof(FinishPublication)];
}
