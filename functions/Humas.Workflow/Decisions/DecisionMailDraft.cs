using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.Decisions;

/// <summary>
/// The decision mails of one wait, from <see cref="DecisionMailComposer"/>. What they share is read at the first mail
/// composed, and not at all when none is (every one sent by an earlier delivery, or nobody to tell).
/// </summary>
public sealed class DecisionMailDraft(Func<Task<Func<Person, string, string?, Task<OutgoingMail>>>> read)
{
    private Task<Func<Person, string, string?, Task<OutgoingMail>>>? composing;

    /// <summary>One decider's mail; <paramref name="onBehalfOf"/> names the seat a backup stands in for, or who handed it on.</summary>
    public async Task<OutgoingMail> ToAsync(Person to, string url, string? onBehalfOf) =>
        await (await (composing ??= read()))(to, url, onBehalfOf);
}
