using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace Humas.LocalHost.Engine;

/// <summary>Maps DurableTask.Core types to their Microsoft.DurableTask.Client counterparts.</summary>
internal static class CoreConversions
{
    // Both enums share their numeric values; the explicit arms guard against a future reordering
    // and the cast covers the obsolete members (ContinuedAsNew, Canceled) without warnings.
    public static OrchestrationRuntimeStatus ToClient(this Core.OrchestrationStatus status) => status switch
    {
        Core.OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        Core.OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        Core.OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Core.OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Core.OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Core.OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => (OrchestrationRuntimeStatus)(int)status,
    };

    public static Core.OrchestrationStatus ToCore(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Core.OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => Core.OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.Failed => Core.OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => Core.OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Core.OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Core.OrchestrationStatus.Suspended,
        _ => (Core.OrchestrationStatus)(int)status,
    };

    public static TaskFailureDetails? ToClient(this Core.FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(
            details.ErrorType,
            details.ErrorMessage,
            details.StackTrace,
            details.InnerFailure.ToClient(),
            details.Properties);

    public static DateTimeOffset ToUtcOffset(this DateTime time) =>
        new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static OrchestrationMetadata ToMetadata(this Core.OrchestrationState state, bool withPayloads, DataConverter converter) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = converter,
            RuntimeStatus = state.OrchestrationStatus.ToClient(),
            CreatedAt = state.CreatedTime.ToUtcOffset(),
            LastUpdatedAt = state.LastUpdatedTime.ToUtcOffset(),
            SerializedInput = withPayloads ? state.Input : null,
            SerializedOutput = withPayloads ? state.Output : null,
            SerializedCustomStatus = withPayloads ? state.Status : null,
            FailureDetails = state.FailureDetails.ToClient() ?? FailureFromOutput(state),
        };

    // The Azure Storage instance table keeps no structured failure, only its "Type: message" text
    // in the output, so that is all a status query can give back.
    private static TaskFailureDetails? FailureFromOutput(Core.OrchestrationState state)
    {
        if (state.OrchestrationStatus != Core.OrchestrationStatus.Failed || string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var separator = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && !state.Output[..separator].Contains(' ')
            ? new TaskFailureDetails(state.Output[..separator], state.Output[(separator + 2)..], null, null, null)
            : new TaskFailureDetails("Unknown", state.Output, null, null, null);
    }
}
