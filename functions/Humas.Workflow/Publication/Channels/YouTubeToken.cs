using Humas.Workflow.Configuration;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Publication.Channels;

/// <summary>An OAuth access token for the YouTube upload scope: the configured one, or one from the refresh token, kept until shortly before it expires.</summary>
public sealed class YouTubeToken(IHttpClientFactory http, IOptions<HumasOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? current;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        var settings = options.Value.Channels.YouTube;
        if (!settings.HasRefreshToken && !string.IsNullOrWhiteSpace(settings.AccessToken)) return settings.AccessToken;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } c && c.Until > clock.GetUtcNow()) return c.Token;
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["client_id"] = settings.ClientId!, ["client_secret"] = settings.ClientSecret!,
                    ["refresh_token"] = settings.RefreshToken!, ["grant_type"] = "refresh_token",
                }),
            };
            HttpResponseMessage response;
            string body;
            try
            {
                (response, body) = await ChannelHttp.SendAsync(http.CreateClient(ChannelHttp.ClientName), request, "YouTube token", ct);
            }
            catch (ChannelException e) when (e.Answer?.Contains("invalid_grant", StringComparison.Ordinal) == true)
            {
                // Google answers invalid_grant for a refresh token that was revoked or has expired.
                throw new ChannelException("YouTube token: invalid_grant, the refresh token no longer works", transient: false, e.Answer, needsReconnecting: true);
            }
            response.Dispose();
            var answer = ChannelHttp.Json(body, "YouTube token");
            var token = answer["access_token"]?.ToString()
                        ?? throw new ChannelException("YouTube token: no access_token in the answer", transient: false);
            var seconds = answer["expires_in"]?.GetValue<int>() ?? 3600;
            current = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, seconds - 60)));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}
