using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Workflow.Links;

/// <summary>Signs links with HMAC-SHA256 so that an approver needs no account, only the email.</summary>
public sealed class LinkSigner(byte[] key)
{
    private static readonly JsonSerializerOptions Json = SubmissionJson.Options;

    public string Sign(LinkToken token)
    {
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(token, Json));
        return payload + "." + WebEncoders.Base64UrlEncode(Mac(payload));
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
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(payload))) return LinkCheck.Forged;
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

    private byte[] Mac(string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));

    /// <summary>Reads the key from configuration; the local host makes one and keeps it when none is set.</summary>
    public static byte[] KeyFrom(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("Humas__LinkSigningKey is not set.");
        var key = Convert.FromBase64String(base64.Trim());
        if (key.Length < 32) throw new InvalidOperationException("Humas__LinkSigningKey must be at least 32 bytes.");
        return key;
    }
}
