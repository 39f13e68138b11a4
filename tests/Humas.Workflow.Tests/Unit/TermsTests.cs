using System.Reflection;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Targets;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Unit;

/// <summary>
/// Terms matches the codes of folders above Vocabulary as text; each of those codes still has a word of its own, so a
/// code added or renamed there without its word here fails.
/// </summary>
public sealed class TermsTests
{
    [Fact]
    public void Every_decision_has_its_word() => EachHasItsWord(typeof(DecisionValues), Terms.Decision);

    [Fact]
    public void Every_publication_outcome_has_its_word() => EachHasItsWord(typeof(PublicationStatus), Terms.Publication);

    [Fact]
    public void Every_pace_has_its_word() => EachHasItsWord(typeof(PaceStatus), Terms.Pace);

    private static void EachHasItsWord(Type constants, Func<string, Words> words)
    {
        var codes = constants.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.NotEqual(Words.Same(code), words(code)));
        Assert.Equal(codes.Count, codes.Select(words).Distinct().Count());
    }
}
