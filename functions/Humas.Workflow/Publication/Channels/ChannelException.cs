namespace Humas.Workflow.Publication.Channels;

/// <summary>A channel refused or failed a request; passing faults are tried again, the others end the channel.</summary>
public sealed class ChannelException(string message, bool transient, string? answer = null) : Exception(message)
{
    public bool Transient { get; } = transient;
    public string? Answer { get; } = answer;
}
