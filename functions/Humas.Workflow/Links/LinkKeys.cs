using Humas.Workflow.Configuration;

namespace Humas.Workflow.Links;

/// <summary>
/// The keys links are made and checked with: the first signs, every one verifies, so that a new key can sign while
/// the links in people's inboxes, made with an older one, work until that key is removed.
/// </summary>
public sealed class LinkKeys
{
    /// <summary>The id of <c>Humas__LinkSigningKey</c>, the single key of the releases before the ring.</summary>
    public const string SingleKeyId = "0";

    private readonly IReadOnlyList<LinkKey> keys;

    public LinkKeys(IReadOnlyList<LinkKey> keys)
    {
        if (keys.Count == 0) throw new InvalidOperationException("Humas__LinkSigningKeys__0 or Humas__LinkSigningKey is not set.");
        var twice = keys.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"Link signing key id '{twice.Key}' is given twice.");
        this.keys = keys;
    }

    public LinkKey Signing => keys[0];

    public IReadOnlyList<LinkKey> All => keys;

    public LinkKey? Find(string id) => keys.FirstOrDefault(k => k.Id == id);

    /// <summary>
    /// <c>Humas__LinkSigningKeys__0</c>, <c>__1</c>, ... (each <c>id:base64key</c>), then <c>Humas__LinkSigningKey</c> as the
    /// key with id <see cref="SingleKeyId"/>: kept beside a new ring, the single key goes on verifying what it signed.
    /// </summary>
    public static LinkKeys From(HumasOptions options)
    {
        var list = options.LinkSigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Parse).ToList();
        if (!string.IsNullOrWhiteSpace(options.LinkSigningKey) && list.All(k => k.Id != SingleKeyId))
            list.Add(new LinkKey(SingleKeyId, LinkSigner.KeyFrom(options.LinkSigningKey)));
        return new LinkKeys(list);
    }

    public static LinkKey Parse(string text)
    {
        var colon = text.IndexOf(':');
        var id = colon > 0 ? text[..colon].Trim() : "";
        if (id.Length is 0 or > 8 || !id.All(char.IsAsciiLetterOrDigit))
            throw new InvalidOperationException("Each Humas__LinkSigningKeys__N is 'id:base64key', the id of 1 to 8 letters or digits.");
        return new LinkKey(id, LinkSigner.KeyFrom(text[(colon + 1)..]));
    }
}
