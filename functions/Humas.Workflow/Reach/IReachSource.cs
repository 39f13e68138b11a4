namespace Humas.Workflow.Reach;

/// <summary>One channel's reach, as its own API tells it.</summary>
public interface IReachSource
{
    /// <summary>The channel's name, as on its publication records (instagram, youtube, wordpress).</summary>
    string Channel { get; }

    bool IsConfigured { get; }

    /// <summary>The account's figures now (followers, subscribers, views, posts...).</summary>
    Task<IReadOnlyDictionary<string, long>> MeasureAsync(CancellationToken ct);

    /// <summary>One published item's figures, by the post id its publication record keeps; null when the channel has none per item.</summary>
    Task<IReadOnlyDictionary<string, long>?> MeasureItemAsync(string postId, CancellationToken ct);
}
