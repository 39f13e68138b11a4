namespace Humas.Workflow.Reach;

/// <summary>A published item's figures on one channel, <paramref name="DaysAfter"/> days (1 or 7) after it was published.</summary>
public sealed record ItemReach(string Channel, string PostId, int DaysAfter, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, long> Figures);
