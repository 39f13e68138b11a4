using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Humas.Workflow.Configuration;
using Humas.Workflow.Publication.Channels;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Reach;

/// <summary>
/// The office's YouTube channel through the Data API v3: channels.list (<c>part=statistics&amp;mine=true</c>) for
/// <c>subscriberCount</c>, <c>viewCount</c> and <c>videoCount</c>, videos.list (<c>part=statistics</c>) for a video's
/// views. The API gives the counts as strings. The refresh token must carry a read scope (youtube.readonly) beside
/// the upload scope.
/// </summary>
public sealed class YouTubeReach(IHttpClientFactory http, YouTubeToken token, IOptions<HumasOptions> options) : IReachSource
{
    public const string ChannelName = YouTubeChannel.ChannelName;
    private YouTubeOptions Settings => options.Value.Channels.YouTube;
    private string Api => $"{Settings.ApiBaseUrl.TrimEnd('/')}/youtube/v3";

    public string Channel => ChannelName;
    public bool IsConfigured => Settings.IsConfigured;

    public async Task<IReadOnlyDictionary<string, long>> MeasureAsync(CancellationToken ct)
    {
        var statistics = await StatisticsAsync($"{Api}/channels?part=statistics&mine=true", "YouTube channel", ct)
                         ?? throw new ChannelException("YouTube channel: the account has no channel", transient: false);
        return new Dictionary<string, long>
        {
            [ReachFigures.Subscribers] = ReachNumber.Of(statistics["subscriberCount"]),
            [ReachFigures.Views] = ReachNumber.Of(statistics["viewCount"]),
            [ReachFigures.Videos] = ReachNumber.Of(statistics["videoCount"]),
        };
    }

    public async Task<IReadOnlyDictionary<string, long>?> MeasureItemAsync(string postId, CancellationToken ct)
    {
        var statistics = await StatisticsAsync($"{Api}/videos?part=statistics&id={Uri.EscapeDataString(postId)}", "YouTube video", ct);
        return statistics is null ? null : new Dictionary<string, long> { [ReachFigures.Views] = ReachNumber.Of(statistics["viewCount"]) };
    }

    private async Task<JsonNode?> StatisticsAsync(string url, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(ct));
        var (response, body) = await ChannelHttp.SendAsync(http.CreateClient(ChannelHttp.ClientName), request, what, ct);
        response.Dispose();
        return (ChannelHttp.Json(body, what)["items"] as JsonArray)?.FirstOrDefault()?["statistics"];
    }
}
