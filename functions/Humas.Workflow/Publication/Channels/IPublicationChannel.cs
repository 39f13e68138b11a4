using Humas.Workflow.Submissions;

namespace Humas.Workflow.Publication.Channels;

/// <summary>One outside channel the office publishes on.</summary>
public interface IPublicationChannel
{
    /// <summary>The name on the publication record (publication-{Name}).</summary>
    string Name { get; }

    /// <summary>The channel a submitter picks that this one serves (website, youtube, instagram, media-partner).</summary>
    string Serves { get; }

    bool IsConfigured { get; }

    /// <summary>
    /// Posts the submission, or finds the post an earlier try made: the engine delivers at least once, so every
    /// step either asks the channel or reads the progress kept by the try before.
    /// </summary>
    Task<ChannelPost> PublishAsync(Submission submission, ChannelProgress progress, CancellationToken ct);
}
