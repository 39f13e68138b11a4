using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Publication;
using Humas.Workflow.Revision;
using Humas.Workflow.Submissions;
using Humas.Workflow.Takedown;
using Humas.Workflow.Targets;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Functions;

/// <summary>
/// Hand-written wrappers that run the workflow library's orchestrator and activity classes under Durable
/// Functions (the Durable source generator is not available here). Names match the classes, as in the local host.
/// </summary>
public static class WorkflowTriggers
{
    [Function(nameof(SubmissionWorkflow))]
    public static Task<SubmissionStatus> RunSubmissionWorkflow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SubmissionWorkflow().RunAsync(context, context.GetInput<WorkflowInput>()!);

    [Function(nameof(RetryPublication))]
    public static Task<PublicationRecord> RunRetryPublication([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetryPublication().RunAsync(context, context.GetInput<ChannelRetry>()!);

    [Function(nameof(TakedownWorkflow))]
    public static Task<SubmissionStatus> RunTakedownWorkflow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TakedownWorkflow().RunAsync(context, context.GetInput<TakedownRequest>()!);

    [Function(nameof(RecordTransition))]
    public static Task<bool> RunRecordTransition([ActivityTrigger] Transition input, string instanceId, FunctionContext fc) =>
        Run<RecordTransition, Transition, bool>(fc, instanceId, input);

    [Function(nameof(RequestDecision))]
    public static Task<bool> RunRequestDecision([ActivityTrigger] DecisionRequest input, string instanceId, FunctionContext fc) =>
        Run<RequestDecision, DecisionRequest, bool>(fc, instanceId, input);

    [Function(nameof(AssignDeciders))]
    public static Task<StageAssignment> RunAssignDeciders([ActivityTrigger] AssignmentRequest input, string instanceId, FunctionContext fc) =>
        Run<AssignDeciders, AssignmentRequest, StageAssignment>(fc, instanceId, input);

    [Function(nameof(RecordResponse))]
    public static Task<bool> RunRecordResponse([ActivityTrigger] ResponseInput input, string instanceId, FunctionContext fc) =>
        Run<RecordResponse, ResponseInput, bool>(fc, instanceId, input);

    [Function(nameof(ApplyRevision))]
    public static Task<bool> RunApplyRevision([ActivityTrigger] RevisionInput input, string instanceId, FunctionContext fc) =>
        Run<ApplyRevision, RevisionInput, bool>(fc, instanceId, input);

    [Function(nameof(PublishSubmission))]
    public static Task<IReadOnlyList<PublicationRecord>> RunPublishSubmission([ActivityTrigger] PublishRequest input, string instanceId, FunctionContext fc) =>
        Run<PublishSubmission, PublishRequest, IReadOnlyList<PublicationRecord>>(fc, instanceId, input);

    [Function(nameof(PublishChannel))]
    public static Task<PublicationRecord> RunPublishChannel([ActivityTrigger] ChannelRetry input, string instanceId, FunctionContext fc) =>
        Run<PublishChannel, ChannelRetry, PublicationRecord>(fc, instanceId, input);

    [Function(nameof(PlanPublication))]
    public static Task<IReadOnlyList<string>> RunPlanPublication([ActivityTrigger] PublishRequest input, string instanceId, FunctionContext fc) =>
        Run<PlanPublication, PublishRequest, IReadOnlyList<string>>(fc, instanceId, input);

    [Function(nameof(PublishToChannel))]
    public static Task<PublicationRecord> RunPublishToChannel([ActivityTrigger] ChannelPublication input, string instanceId, FunctionContext fc) =>
        Run<PublishToChannel, ChannelPublication, PublicationRecord>(fc, instanceId, input);

    [Function(nameof(RecordPublication))]
    public static Task<IReadOnlyList<PublicationRecord>> RunRecordPublication([ActivityTrigger] PublicationOutcomes input, string instanceId, FunctionContext fc) =>
        Run<RecordPublication, PublicationOutcomes, IReadOnlyList<PublicationRecord>>(fc, instanceId, input);

    [Function(nameof(RecordChannelWait))]
    public static Task<bool> RunRecordChannelWait([ActivityTrigger] ChannelWait input, string instanceId, FunctionContext fc) =>
        Run<RecordChannelWait, ChannelWait, bool>(fc, instanceId, input);

    [Function(nameof(CreateInstagramContainer))]
    public static Task<InstagramContainer> RunCreateInstagramContainer([ActivityTrigger] ChannelPublication input, string instanceId, FunctionContext fc) =>
        Run<CreateInstagramContainer, ChannelPublication, InstagramContainer>(fc, instanceId, input);

    [Function(nameof(CheckInstagramContainer))]
    public static Task<InstagramContainerStatus> RunCheckInstagramContainer([ActivityTrigger] InstagramContainerRequest input, string instanceId, FunctionContext fc) =>
        Run<CheckInstagramContainer, InstagramContainerRequest, InstagramContainerStatus>(fc, instanceId, input);

    [Function(nameof(PublishInstagramContainer))]
    public static Task<PublicationRecord> RunPublishInstagramContainer([ActivityTrigger] InstagramContainerRequest input, string instanceId, FunctionContext fc) =>
        Run<PublishInstagramContainer, InstagramContainerRequest, PublicationRecord>(fc, instanceId, input);

    [Function(nameof(CountPublication))]
    public static Task<bool> RunCountPublication([ActivityTrigger] CountRequest input, string instanceId, FunctionContext fc) =>
        Run<CountPublication, CountRequest, bool>(fc, instanceId, input);

    [Function(nameof(PlanDeadline))]
    public static Task<DeadlinePlan> RunPlanDeadline([ActivityTrigger] DeadlineRequest input, string instanceId, FunctionContext fc) =>
        Run<PlanDeadline, DeadlineRequest, DeadlinePlan>(fc, instanceId, input);

    [Function(nameof(HandOnDecision))]
    public static Task<Assignee> RunHandOnDecision([ActivityTrigger] HandOnInput input, string instanceId, FunctionContext fc) =>
        Run<HandOnDecision, HandOnInput, Assignee>(fc, instanceId, input);

    [Function(nameof(PlanTakedown))]
    public static Task<IReadOnlyList<string>> RunPlanTakedown([ActivityTrigger] string input, string instanceId, FunctionContext fc) =>
        Run<PlanTakedown, string, IReadOnlyList<string>>(fc, instanceId, input);

    [Function(nameof(TakeDownChannel))]
    public static Task<TakedownRecord> RunTakeDownChannel([ActivityTrigger] ChannelTakedown input, string instanceId, FunctionContext fc) =>
        Run<TakeDownChannel, ChannelTakedown, TakedownRecord>(fc, instanceId, input);

    [Function(nameof(RecordTakedown))]
    public static Task<SubmissionStatus> RunRecordTakedown([ActivityTrigger] TakedownTotal input, string instanceId, FunctionContext fc) =>
        Run<RecordTakedown, TakedownTotal, SubmissionStatus>(fc, instanceId, input);

    [Function(nameof(OpenStage))]
    public static Task<StageOpened> RunOpenStage([ActivityTrigger] StageOpening input, string instanceId, FunctionContext fc) =>
        Run<OpenStage, StageOpening, StageOpened>(fc, instanceId, input);

    [Function(nameof(StartPublication))]
    public static Task<IReadOnlyList<string>> RunStartPublication([ActivityTrigger] PublicationStart input, string instanceId, FunctionContext fc) =>
        Run<StartPublication, PublicationStart, IReadOnlyList<string>>(fc, instanceId, input);

    [Function(nameof(FinishPublication))]
    public static Task<IReadOnlyList<PublicationRecord>> RunFinishPublication([ActivityTrigger] PublicationFinish input, string instanceId, FunctionContext fc) =>
        Run<FinishPublication, PublicationFinish, IReadOnlyList<PublicationRecord>>(fc, instanceId, input);

    private static Task<TOut> Run<TActivity, TIn, TOut>(FunctionContext fc, string instanceId, TIn input)
        where TActivity : TaskActivity<TIn, TOut> =>
        ActivatorUtilities.CreateInstance<TActivity>(fc.InstanceServices)
            .RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);

    private sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
