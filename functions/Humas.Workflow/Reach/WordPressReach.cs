using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Humas.Workflow.Configuration;
using Humas.Workflow.Publication.Channels;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Reach;

/// <summary>
/// The office's WordPress site: its published posts, from the <c>X-WP-Total</c> header the REST API sends with a
/// collection (one post asked for, so the answer stays small). Asked in the edit context, which needs the login: published
/// posts are public, so without it a revoked application password would be answered as anyone is, and never noticed.
/// </summary>
public sealed class WordPressReach(IHttpClientFactory http, IOptions<HumasOptions> options) : IReachSource
{
    public const string ChannelName = WordPressChannel.ChannelName;
    private WordPressOptions Settings => options.Value.Channels.WordPress;

    public string Channel => ChannelName;
    public bool IsConfigured => Settings.IsConfigured;

    public async Task<IReadOnlyDictionary<string, long>> MeasureAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{Settings.BaseUrl!.TrimEnd('/')}/wp-json/wp/v2/posts?status=publish&per_page=1&_fields=id&context=edit");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.User}:{Settings.AppPassword}")));
        var (response, _) = await ChannelHttp.SendAsync(http.CreateClient(ChannelHttp.ClientName), request, "WordPress posts", ct);
        using (response)
        {
            var total = response.Headers.TryGetValues("X-WP-Total", out var values) ? values.FirstOrDefault() : null;
            if (!long.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var posts))
                throw new ChannelException("WordPress posts: the answer has no X-WP-Total", transient: false);
            return new Dictionary<string, long> { [ReachFigures.Posts] = posts };
        }
    }

    public Task<IReadOnlyDictionary<string, long>?> MeasureItemAsync(string postId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, long>?>(null);
}
