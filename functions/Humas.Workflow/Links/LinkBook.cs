using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Workflow.Links;

/// <summary>
/// Opaque links: <c>{key id}.{submission id}.{digest}</c>, at most 64 characters, naming nobody. Who may do what until
/// when stays in the submission's partition under the digest, an HMAC-SHA256 of the token under the signing key: it
/// cannot be guessed, and the same token signed again (a retried activity, a reminder) gives the same row.
/// </summary>
public sealed class LinkBook(LinkKeys keys, LinkSigner before, SubmissionStore store)
{
    public const int MaxLength = 64;
    private const int DigestLength = 22;
    private static readonly JsonSerializerOptions Json = SubmissionJson.Options;

    public static string RowKey(string digest) => $"link-{digest}";

    public async Task<string> IssueAsync(LinkToken token, CancellationToken ct = default)
    {
        var (text, row) = Prepare(token);
        await store.SetMarkerAsync(token.SubmissionId, row.Key, row.Value, ct);
        return text;
    }

    /// <summary>A link and the row that makes it valid, for the caller to store (with a state change, in its transaction).</summary>
    public (string Text, MarkerRow Row) Prepare(LinkToken token)
    {
        var key = keys.Signing;
        var json = JsonSerializer.Serialize(token, Json);
        var digest = Digest(key, json);
        return ($"{key.Id}.{token.SubmissionId}.{digest}", new MarkerRow(RowKey(digest), new IssuedLink(json, key.Id)));
    }

    /// <summary>Reads an opaque link, or one mailed before them (the signed JSON), which is accepted until it expires.</summary>
    public async Task<(LinkCheck Check, LinkToken? Token)> ReadAsync(string? text, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 4096) return (LinkCheck.Forged, null);
        var parts = text.Split('.');
        if (parts.Length == 2)
        {
            var check = before.Verify(text, now, out var signed);
            return (check, signed);
        }
        if (parts.Length != 3 || text.Length > MaxLength) return (LinkCheck.Forged, null);
        var (keyId, submissionId, digest) = (parts[0], parts[1], parts[2]);
        if (digest.Length != DigestLength || !digest.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || !SubmissionStore.IsWellFormedId(submissionId))
            return (LinkCheck.Forged, null);
        var key = keys.Find(keyId);
        if (key is null) return (LinkCheck.KeyRetired, null);
        var issued = await store.GetMarkerAsync<IssuedLink>(submissionId, RowKey(digest), ct);
        if (issued is null || issued.KeyId != key.Id
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(key, issued.Token)), Encoding.ASCII.GetBytes(digest)))
            return (LinkCheck.Forged, null);
        LinkToken? token;
        try
        {
            token = JsonSerializer.Deserialize<LinkToken>(issued.Token, Json);
        }
        catch (JsonException)
        {
            return (LinkCheck.Forged, null);
        }
        if (token is null || token.SubmissionId != submissionId) return (LinkCheck.Forged, null);
        return (token.ExpiresAt <= now ? LinkCheck.Expired : LinkCheck.Valid, token);
    }

    /// <summary>The key id is in what is signed, so that a row cannot be read as another key's.</summary>
    private static string Digest(LinkKey key, string json) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(key.Id + "\n" + json)), 0, 16);
}
