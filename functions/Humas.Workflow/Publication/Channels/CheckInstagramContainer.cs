using Microsoft.DurableTask;

namespace Humas.Workflow.Publication.Channels;

/// <summary>Asks Instagram once how far a container is; the orchestrator waits between two asks, not this activity.</summary>
public sealed class CheckInstagramContainer(InstagramChannel instagram, ChannelPublisher channels)
    : TaskActivity<InstagramContainerRequest, InstagramContainerStatus>
{
    public override async Task<InstagramContainerStatus> RunAsync(TaskActivityContext context, InstagramContainerRequest request)
    {
        var (code, failed) = await channels.AttemptAsync(request.SubmissionId, InstagramChannel.ChannelName, request.Attempt,
            ct => instagram.StatusAsync(request.Container, ct));
        return new InstagramContainerStatus(code ?? "", failed);
    }
}
