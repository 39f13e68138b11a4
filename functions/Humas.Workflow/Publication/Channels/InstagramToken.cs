using Azure.Data.Tables;
using Humas.Workflow.Configuration;
using Humas.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The Instagram token every request takes: the one last refreshed, kept in Table Storage (every process and both hosts
/// read the same row), else the configured one. A long-lived token lasts 60 days and can be refreshed while it is valid,
/// so it is refreshed <see cref="InstagramOptions.RefreshBefore"/> its expiry, and at its first use while its expiry is
/// not known. A refresh that fails leaves the token in use as it was; the next use tries again.
/// </summary>
public sealed class InstagramToken(IHttpClientFactory http, HumasStorage storage, IOptions<HumasOptions> options, TimeProvider clock, ILogger<InstagramToken> logger)
{
    public const string Partition = "instagram";
    public const string RowKey = "access-token";
    // A refresh Instagram refused (a token less than a day old cannot be refreshed) is not asked again for an hour.
    private static readonly TimeSpan AfterRefused = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset refusedUntil = DateTimeOffset.MinValue;
    private InstagramOptions Settings => options.Value.Channels.Instagram;
    private TableClient Table => storage.Table(HumasStorage.CredentialsTable);

    public async Task<string> GetAsync(CancellationToken ct)
    {
        var kept = await KeptAsync(ct);
        if (kept is not null && kept.ExpiresAt - clock.GetUtcNow() > Settings.RefreshBefore) return kept.Token;
        await gate.WaitAsync(ct);
        try
        {
            // Another caller of this process may have refreshed it meanwhile.
            kept = await KeptAsync(ct);
            if (kept is not null && kept.ExpiresAt - clock.GetUtcNow() > Settings.RefreshBefore) return kept.Token;
            var current = kept?.Token ?? Settings.AccessToken!;
            if (clock.GetUtcNow() < refusedUntil) return current;
            if (await RefreshAsync(current, ct) is { } fresh) return fresh;
            refusedUntil = clock.GetUtcNow() + AfterRefused;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<KeptToken?> KeptAsync(CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey, cancellationToken: ct);
        var kept = row.HasValue ? SubmissionStore.Read<KeptToken>(row.Value!) : null;
        return kept?.ConfiguredHash == ConfiguredHash ? kept : null;
    }

    private string ConfiguredHash =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Settings.AccessToken ?? "")))[..16];

    private async Task<string?> RefreshAsync(string current, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{Settings.RefreshUrl}?grant_type=ig_refresh_token&access_token={Uri.EscapeDataString(current)}");
        try
        {
            var (response, body) = await ChannelHttp.SendAsync(http.CreateClient(ChannelHttp.ClientName), request, "Instagram token refresh", ct);
            response.Dispose();
            var answer = ChannelHttp.Json(body, "Instagram token refresh");
            var token = answer["access_token"]?.ToString();
            if (string.IsNullOrWhiteSpace(token)) return null;
            var now = clock.GetUtcNow();
            var kept = new KeptToken(token, now.AddSeconds(answer["expires_in"]?.GetValue<long>() ?? 0), now, ConfiguredHash);
            await Table.UpsertEntityAsync(SubmissionStore.Row(Partition, RowKey, kept), TableUpdateMode.Replace, ct);
            logger.LogInformation("Instagram token refreshed; it expires at {ExpiresAt}", kept.ExpiresAt);
            return token;
        }
        catch (ChannelException e)
        {
            logger.LogWarning(e, "Instagram token not refreshed; the token in use stays");
            return null;
        }
    }
}
