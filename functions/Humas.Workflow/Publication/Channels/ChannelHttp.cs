using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Humas.Workflow.Publication.Channels;

/// <summary>Sends a channel's requests and sorts its failures into passing (try again) and final.</summary>
public static class ChannelHttp
{
    public const string ClientName = "channels";
    private const int AnswerLimit = 4000;

    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(
        HttpClient http, HttpRequestMessage request, string what, CancellationToken ct, params HttpStatusCode[] alsoFine)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelException($"{what}: {e.Message}", transient: true);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ChannelException($"{what}: no answer in time", transient: true, e.Message);
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode || alsoFine.Contains(response.StatusCode)) return (response, body);
        var code = (int)response.StatusCode;
        var transient = code >= 500 || code is 408 or 429;
        response.Dispose();
        throw new ChannelException($"{what}: HTTP {code} {Trim(body, 500)}", transient, Trim(body), needsReconnecting: code == 401);
    }

    public static JsonNode Json(string body, string what) =>
        JsonNode.Parse(body) ?? throw new ChannelException($"{what}: empty answer", transient: true);

    public static string Trim(string? text, int limit = AnswerLimit) =>
        text is null ? "" : text.Length <= limit ? text : text[..limit] + "…";

    public static string Compact(JsonNode node) => Trim(node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
}
