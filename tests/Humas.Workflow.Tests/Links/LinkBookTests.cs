using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Workflow.Configuration;
using Humas.Workflow.Links;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.Workflow.Tests.Links;

/// <summary>Opaque links over Azurite: what they carry, key rotation, and the signed links mailed before them.</summary>
public sealed class LinkBookTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly UnitProfile Unit = UnitProfileLoader.Load("bbpmp-jateng");
    private readonly LinkKey a = new("a", RandomNumberGenerator.GetBytes(32));
    private readonly LinkKey b = new("b2026", RandomNumberGenerator.GetBytes(32));
    private readonly string id = SubmissionIds.New(DateTimeOffset.UtcNow);
    private SubmissionStore store = null!;

    public async Task InitializeAsync()
    {
        var storage = new HumasStorage(new TableServiceClient(fixture.Azurite.ConnectionString), new BlobServiceClient(fixture.Azurite.ConnectionString));
        await storage.EnsureCreatedAsync();
        store = new SubmissionStore(storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private LinkBook Book(params LinkKey[] ring) => new(new LinkKeys(ring), LinkSigner.For(new LinkKeys(ring)), store);

    /// <summary>One link of every kind the workflow mails, to the people of the profile.</summary>
    private IEnumerable<LinkToken> EveryKind()
    {
        var reviewer = Unit.People[0];
        var approver = Unit.People[^1];
        var backup = Unit.People[1];
        yield return new LinkToken(id, "act", Stage.Review, 1, reviewer.Key, reviewer.Email, Now.AddDays(3), null, Now);
        yield return new LinkToken(id, "act", Stage.Approval, 2, approver.Key, approver.Email, Now.AddDays(3), null, Now);
        yield return new LinkToken(id, "act", Stage.Approval, 2, backup.Key, backup.Email, Now.AddDays(3), approver.Key, Now);
        yield return new LinkToken(id, "revise", Stage.Revision, 1, "submitter", "ani.rahmawati@example.org", Now.AddDays(7), null, Now);
        yield return new LinkToken(id, "track", null, 0, "submitter", "ani.rahmawati@example.org", Now.AddDays(365));
    }

    [Fact]
    public async Task No_link_of_any_kind_carries_an_address_or_a_name_and_none_is_longer_than_64()
    {
        var book = Book(a);
        var words = Unit.People.SelectMany(p => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3)
            .Concat(Unit.People.Select(p => p.Email.Split('@')[0])).Concat(Unit.People.Select(p => p.Key)).Append("ani.rahmawati").Append("submitter")
            .ToList();
        foreach (var token in EveryKind())
        {
            var text = await book.IssueAsync(token);
            Assert.True(text.Length <= LinkBook.MaxLength, $"{text} is {text.Length} characters");
            var parts = text.Split('.');
            Assert.Equal(3, parts.Length);
            Assert.Equal(a.Id, parts[0]);
            Assert.Equal(id, parts[1]);
            // The third part is a MAC of 16 bytes: there is no room in it for anything else.
            Assert.Equal(16, WebEncoders.Base64UrlDecode(parts[2]).Length);
            Assert.DoesNotContain("@", text);
            foreach (var word in words) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            var (check, read) = await book.ReadAsync(text, Now);
            Assert.Equal(LinkCheck.Valid, check);
            Assert.Equal(token, read);
        }
    }

    [Fact]
    public async Task The_same_token_issued_again_gives_the_same_link()
    {
        var book = Book(a);
        var token = EveryKind().First();
        Assert.Equal(await book.IssueAsync(token), await book.IssueAsync(token));
    }

    [Fact]
    public async Task A_new_key_signs_while_the_old_one_verifies_and_removing_it_retires_its_links()
    {
        var token = EveryKind().First();
        var withA = await Book(a).IssueAsync(token);

        var rotated = Book(b, a);
        Assert.Equal(LinkCheck.Valid, (await rotated.ReadAsync(withA, Now)).Check);
        var withB = await rotated.IssueAsync(token);
        Assert.StartsWith(b.Id + ".", withB);

        var afterRemoval = Book(b);
        Assert.Equal(LinkCheck.KeyRetired, (await afterRemoval.ReadAsync(withA, Now)).Check);
        Assert.Equal(LinkCheck.Valid, (await afterRemoval.ReadAsync(withB, Now)).Check);
    }

    [Fact]
    public async Task A_key_given_the_retired_id_again_does_not_revive_its_links()
    {
        var withA = await Book(a).IssueAsync(EveryKind().First());
        var impostor = new LinkKey(a.Id, RandomNumberGenerator.GetBytes(32));
        Assert.Equal(LinkCheck.Forged, (await Book(impostor).ReadAsync(withA, Now)).Check);
    }

    [Fact]
    public async Task Links_mailed_before_opaque_links_work_until_they_expire_under_any_key_of_the_ring()
    {
        var token = EveryKind().First() with { ExpiresAt = Now.AddHours(1) };
        var old = new LinkSigner(a.Secret).Sign(token);
        Assert.True(old.Length > LinkBook.MaxLength);

        var (check, read) = await Book(b, a).ReadAsync(old, Now);
        Assert.Equal(LinkCheck.Valid, check);
        Assert.Equal(token, read);
        Assert.Equal(LinkCheck.Expired, (await Book(b, a).ReadAsync(old, Now.AddHours(2))).Check);
        Assert.Equal(LinkCheck.Forged, (await Book(b).ReadAsync(old, Now)).Check);
    }

    [Fact]
    public async Task An_expired_opaque_link_is_expired()
    {
        var book = Book(a);
        var text = await book.IssueAsync(EveryKind().First() with { ExpiresAt = Now.AddMinutes(-1) });
        Assert.Equal(LinkCheck.Expired, (await book.ReadAsync(text, Now)).Check);
    }

    [Fact]
    public async Task Forged_truncated_and_crossed_opaque_links_are_refused()
    {
        var book = Book(a);
        var text = await book.IssueAsync(EveryKind().First());
        var other = SubmissionIds.New(DateTimeOffset.UtcNow);
        await book.IssueAsync(EveryKind().First() with { SubmissionId = other });
        var parts = text.Split('.');
        var refused = new List<string>
        {
            $"{parts[0]}.{parts[1]}.{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16))}",
            $"{parts[0]}.{other}.{parts[2]}",
            $"{parts[0]}.{parts[1]}.{parts[2][..^1]}",
            $"{parts[0]}.{parts[1]}",
            $"{parts[0]}.{parts[1]}.{parts[2]}.x",
            $"{parts[0]}.{parts[1]}.{parts[2]}A",
            $"{parts[0]}.a#b.{parts[2]}",
            $"..",
            "",
        };
        for (var i = 0; i < parts[2].Length; i++)
            refused.Add($"{parts[0]}.{parts[1]}.{parts[2][..i]}{(parts[2][i] == 'A' ? 'B' : 'A')}{parts[2][(i + 1)..]}");
        foreach (var forged in refused)
            Assert.Equal(LinkCheck.Forged, (await book.ReadAsync(forged, Now)).Check);
        Assert.Equal(LinkCheck.KeyRetired, (await book.ReadAsync($"zz.{parts[1]}.{parts[2]}", Now)).Check);
    }

    [Fact]
    public void The_ring_reads_ids_and_keys_and_keeps_the_single_key_last()
    {
        var single = Convert.ToBase64String(a.Secret);
        var ring = LinkKeys.From(new HumasOptions { LinkSigningKey = single });
        Assert.Equal([LinkKeys.SingleKeyId], ring.All.Select(k => k.Id));

        ring = LinkKeys.From(new HumasOptions { LinkSigningKey = single, LinkSigningKeys = ["new:" + Convert.ToBase64String(b.Secret)] });
        Assert.Equal(["new", LinkKeys.SingleKeyId], ring.All.Select(k => k.Id));
        Assert.Equal(b.Secret, ring.Signing.Secret);

        Assert.Throws<InvalidOperationException>(() => LinkKeys.From(new HumasOptions()));
        Assert.Throws<InvalidOperationException>(() => LinkKeys.Parse(Convert.ToBase64String(b.Secret)));
        Assert.Throws<InvalidOperationException>(() => LinkKeys.Parse("a.b:" + Convert.ToBase64String(b.Secret)));
        Assert.Throws<InvalidOperationException>(() => LinkKeys.Parse("toolongid:" + Convert.ToBase64String(b.Secret)));
        Assert.Throws<InvalidOperationException>(() => LinkKeys.Parse("x:" + Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => LinkKeys.From(new HumasOptions { LinkSigningKeys = ["x:" + single, "x:" + single] }));
    }
}
