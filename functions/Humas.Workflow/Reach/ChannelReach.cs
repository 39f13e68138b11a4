namespace Humas.Workflow.Reach;

/// <summary>One channel's figures on one day (yyyy-MM-dd in WIB), as measured on that day's first run.</summary>
public sealed record ChannelReach(string Channel, string Day, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, long> Figures);
