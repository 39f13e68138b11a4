using System.Security.Cryptography;
using Humas.Workflow.Links;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Unit;

public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private readonly LinkSigner signer = new(RandomNumberGenerator.GetBytes(32));
    private readonly LinkToken token = new("20261128-abcdef0123", "act", Stage.Approval, 2, "kabag-umum", "kabag@example.org", Now.AddHours(1));

    [Fact]
    public void A_signed_token_verifies_and_carries_its_binding()
    {
        Assert.Equal(LinkCheck.Valid, signer.Verify(signer.Sign(token), Now, out var read));
        Assert.Equal(token, read);
    }

    [Fact]
    public void A_token_past_its_expiry_is_expired()
    {
        Assert.Equal(LinkCheck.Expired, signer.Verify(signer.Sign(token), Now.AddHours(2), out _));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged()
    {
        var other = new LinkSigner(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(LinkCheck.Forged, signer.Verify(other.Sign(token), Now, out _));
    }

    [Fact]
    public void Changing_the_payload_breaks_the_signature()
    {
        var signed = signer.Sign(token);
        var other = signer.Sign(token with { SubmissionId = "20261128-ffffffffff" });
        var spliced = other[..other.IndexOf('.')] + signed[signed.IndexOf('.')..];
        Assert.Equal(LinkCheck.Forged, signer.Verify(spliced, Now, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData("abc.!!!")]
    [InlineData("eyJ4IjoxfQ.AAAA")]
    public void Garbage_is_forged(string text)
    {
        Assert.Equal(LinkCheck.Forged, signer.Verify(text, Now, out _));
    }

    [Fact]
    public void Flipping_any_character_of_the_signature_is_detected()
    {
        var signed = signer.Sign(token);
        var dot = signed.IndexOf('.');
        for (var i = dot + 1; i < signed.Length; i++)
        {
            var c = signed[i] == 'A' ? 'B' : 'A';
            var altered = signed[..i] + c + signed[(i + 1)..];
            Assert.NotEqual(LinkCheck.Valid, signer.Verify(altered, Now, out _));
        }
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => LinkSigner.KeyFrom(Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => LinkSigner.KeyFrom(null));
    }
}
