using System.Globalization;

namespace Humas.Workflow.Profiles;

/// <summary>
/// How long a publication may wait on a channel before it fails (written as "3d", "12h", "90m"): for the channel to
/// be reconnected, and for a reached limit to free. Past the bound the channel fails and people are told, as any
/// failure is.
/// </summary>
public sealed record ChannelWaits
{
    public string Reconnect { get; init; } = "3d";
    public string RateLimit { get; init; } = "2d";

    public TimeSpan Bound(bool reconnect) =>
        reconnect ? Parse(Reconnect, "reconnect") : Parse(RateLimit, "rateLimit");

    public static TimeSpan Parse(string text, string field)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (!double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new InvalidOperationException($"channelWaits.{field}: '{text}' is not a duration like 3d, 12h or 90m");
        return unit switch
        {
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            'm' => TimeSpan.FromMinutes(n),
            's' => TimeSpan.FromSeconds(n),
            _ => throw new InvalidOperationException($"channelWaits.{field}: '{text}' is not a duration like 3d, 12h or 90m"),
        };
    }
}
