using Humas.Workflow.Intake;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Staff;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Intake;

/// <summary>A retried post under the same key is answered with the first submission, never a second one.</summary>
public sealed class IdempotencyStoreTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private IdempotencyStore Keys => staff.Services.GetRequiredService<IdempotencyStore>();

    [Fact]
    public async Task A_new_key_is_claimed_and_a_retry_gets_the_submission_it_names()
    {
        var key = "form-tool-" + Guid.NewGuid();
        var first = await staff.AddAsync("Yang pertama", DateTimeOffset.UtcNow);

        Assert.Null(await Keys.ClaimAsync(key, first.Id, CancellationToken.None));
        var retry = await Keys.ClaimAsync(key, SubmissionIds.New(DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(first.Id, retry?.Id);
    }

    [Fact]
    public async Task A_key_whose_first_request_stored_nothing_goes_to_the_next_request()
    {
        var key = "form-tool-" + Guid.NewGuid();
        Assert.Null(await Keys.ClaimAsync(key, SubmissionIds.New(DateTimeOffset.UtcNow), CancellationToken.None));

        var second = await staff.AddAsync("Yang kedua", DateTimeOffset.UtcNow);
        Assert.Null(await Keys.ClaimAsync(key, second.Id, CancellationToken.None));

        Assert.Equal(second.Id, (await Keys.ClaimAsync(key, SubmissionIds.New(DateTimeOffset.UtcNow), CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Any_text_the_client_sends_is_a_key()
    {
        var key = "a/b\\c#d?e\t" + new string('k', IdempotencyStore.MaxKeyLength - 10);
        var first = await staff.AddAsync("Kunci aneh", DateTimeOffset.UtcNow);

        Assert.Null(await Keys.ClaimAsync(key, first.Id, CancellationToken.None));
        Assert.Equal(first.Id, (await Keys.ClaimAsync(key, SubmissionIds.New(DateTimeOffset.UtcNow), CancellationToken.None))?.Id);
    }
}
