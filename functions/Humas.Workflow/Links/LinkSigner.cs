using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Workflow.Links;

/// <summary>
/// The links of the releases before opaque links (<see cref="LinkBook"/>): the token as JSON with an HMAC-SHA256 beside it.
/// Kept to accept the links still in inboxes until they expire, under any key of the ring, since they name none.
/// </summary>
public sealed class LinkSigner(IReadOnlyList<byte[]> keys)
{
    public LinkSigner(byte[] key) : this([key])
    {
    }

    private static readonly JsonSerializerOptions Json = SubmissionJson.Options;

    public static LinkSigner For(LinkKeys ring) => new(ring.All.Select(k => k.Secret).ToList());

    public string Sign(LinkToken token)
    {
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(token, Json));
        return payload + "." + WebEncoders.Base64UrlEncode(Mac(keys[0], payload));
    }

    public LinkCheck Verify(string? text, DateTimeOffset now, out LinkToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096) return LinkCheck.Forged;
        var dot = text.IndexOf('.');
        if (dot <= 0 || dot == text.Length - 1) return LinkCheck.Forged;
        var payload = text[..dot];
        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(text[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return LinkCheck.Forged;
        }
        if (!keys.Any(key => CryptographicOperations.FixedTimeEquals(given, Mac(key, payload)))) return LinkCheck.Forged;
        try
        {
            token = JsonSerializer.Deserialize<LinkToken>(WebEncoders.Base64UrlDecode(payload), Json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return LinkCheck.Forged;
        }
        if (token is null) return LinkCheck.Forged;
        return token.ExpiresAt <= now ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private static byte[] Mac(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));

    /// <summary>Reads the key from configuration; the local host makes one and keeps it when none is set.</summary>
    public static byte[] KeyFrom(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("A link signing key (Humas__LinkSigningKey or Humas__LinkSigningKeys__N) is empty.");
        var key = Convert.FromBase64String(base64.Trim());
        if (key.Length < 32) throw new InvalidOperationException("A link signing key must be at least 32 bytes.");
        return key;
    }
}
