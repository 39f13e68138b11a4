using Humas.Workflow.Submissions;

namespace Humas.Workflow.Decisions;

/// <summary>One medium of a submission with the short-lived read link its preview plays from.</summary>
public sealed record MediaPreview(MediaItem Item, string Url)
{
    /// <summary>image, video, audio or anything else (a PDF): what the page can preview.</summary>
    public string Kind => Item.ContentType.Split('/')[0];
}
