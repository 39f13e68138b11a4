using System.Text.Json.Nodes;
using Humas.Workflow.Configuration;
using Humas.Workflow.Publication.Channels;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Reach;

/// <summary>
/// The Instagram professional account's reach through the Graph API: the IG User node's <c>followers_count</c> and
/// <c>media_count</c> fields, and a media's lifetime insights (<c>views</c>, <c>reach</c>).
/// </summary>
public sealed class InstagramReach(IHttpClientFactory http, InstagramToken token, IOptions<HumasOptions> options) : IReachSource
{
    public const string ChannelName = InstagramChannel.ChannelName;
    private InstagramOptions Settings => options.Value.Channels.Instagram;
    private string Api => $"{Settings.GraphBaseUrl.TrimEnd('/')}/{Settings.ApiVersion}";

    public string Channel => ChannelName;
    public bool IsConfigured => Settings.IsConfigured;

    public async Task<IReadOnlyDictionary<string, long>> MeasureAsync(CancellationToken ct)
    {
        var answer = await GetAsync($"{Api}/{Settings.UserId}?fields=followers_count,media_count", "Instagram account", ct);
        return new Dictionary<string, long>
        {
            [ReachFigures.Followers] = ReachNumber.Of(answer["followers_count"]),
            [ReachFigures.Media] = ReachNumber.Of(answer["media_count"]),
        };
    }

    public async Task<IReadOnlyDictionary<string, long>?> MeasureItemAsync(string postId, CancellationToken ct)
    {
        var answer = await GetAsync($"{Api}/{Uri.EscapeDataString(postId)}/insights?metric=views,reach", "Instagram insights", ct);
        var figures = new Dictionary<string, long>();
        foreach (var metric in answer["data"] as JsonArray ?? [])
        {
            var name = metric?["name"]?.ToString();
            if (name is ReachFigures.Views or ReachFigures.Reach)
                figures[name] = ReachNumber.Of((metric!["values"] as JsonArray)?.LastOrDefault()?["value"] ?? metric["total_value"]?["value"]);
        }
        return figures;
    }

    private async Task<JsonNode> GetAsync(string url, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}&access_token={Uri.EscapeDataString(await token.GetAsync(ct))}");
        var (response, body) = await ChannelHttp.SendAsync(http.CreateClient(ChannelHttp.ClientName), request, what, ct);
        response.Dispose();
        return ChannelHttp.Json(body, what);
    }
}
