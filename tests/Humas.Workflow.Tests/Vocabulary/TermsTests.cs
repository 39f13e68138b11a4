using System.Reflection;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Humas.Workflow.Targets;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Vocabulary;

/// <summary>Every value a person can meet has its words: a code that falls through to itself would be shown raw.</summary>
public sealed class TermsTests
{
    public static TheoryData<string, Words> EveryValue()
    {
        var all = new TheoryData<string, Words>();
        foreach (var s in Enum.GetValues<SubmissionStatus>()) all.Add(s.ToString(), Terms.Status(s));
        foreach (var s in Enum.GetValues<Stage>()) all.Add(s.ToString(), Terms.Stage(s));
        foreach (var e in Enum.GetValues<HistoryEvent>()) all.Add(e.ToString(), Terms.History(e));
        foreach (var c in Channels.All) all.Add(c, Terms.Channel(c));
        // The website channel's WordPress adapter records its publications under its own name.
        all.Add(Workflow.Publication.Channels.WordPressChannel.ChannelName, Terms.Channel(Workflow.Publication.Channels.WordPressChannel.ChannelName));
        foreach (var t in ContentTypes.All) all.Add(t, Terms.ContentType(t));
        foreach (var d in new[] { DecisionValues.Accept, DecisionValues.Approve, DecisionValues.Revise, DecisionValues.Reject }) all.Add(d, Terms.Decision(d));
        foreach (var p in new[] { PublicationStatus.Published, PublicationStatus.Failed, PublicationStatus.NotConfigured }) all.Add(p, Terms.Publication(p));
        foreach (var p in new[] { PaceStatus.Met, PaceStatus.OnPace, PaceStatus.Behind }) all.Add(p, Terms.Pace(p));
        return all;
    }

    [Theory]
    [MemberData(nameof(EveryValue))]
    public void A_value_reads_as_words_not_as_its_code(string code, Words words)
    {
        // A code with no words of its own falls through to itself in both languages.
        Assert.NotEqual(Words.Same(code), words);
        Assert.NotEqual(code, words.Id);
        Assert.False(string.IsNullOrWhiteSpace(words.Id));
        Assert.False(string.IsNullOrWhiteSpace(words.En));
    }

    /// <summary>
    /// Terms matches publication outcomes and pace as text (their codes live in folders above it): every code named
    /// there has words, and words of its own, so a code added or renamed without its words fails here.
    /// </summary>
    [Theory]
    [InlineData(typeof(PublicationStatus))]
    [InlineData(typeof(PaceStatus))]
    [InlineData(typeof(DecisionValues))]
    [InlineData(typeof(Workflow.Reach.ReachFigures))]
    [InlineData(typeof(Workflow.Reach.ReachPace))]
    public void Every_code_of_a_constants_class_has_words_of_its_own(Type constants)
    {
        Func<string, Words> words = constants == typeof(PublicationStatus) ? Terms.Publication
            : constants == typeof(PaceStatus) || constants == typeof(Workflow.Reach.ReachPace) ? Terms.Pace
            : constants == typeof(Workflow.Reach.ReachFigures) ? Terms.ReachFigure : Terms.Decision;
        var codes = constants.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.NotEqual(Words.Same(code), words(code)));
        Assert.Equal(codes.Count, codes.Select(words).Distinct().Count());
    }

    [Fact]
    public void Both_languages_read_Indonesian_first_and_once_where_they_agree()
    {
        Assert.Equal("Berita / News", Terms.ContentType(ContentTypes.News).Both);
        Assert.Equal("Podcast", Terms.ContentType(ContentTypes.Podcast).Both);
        Assert.Equal("Perlu revisi", Terms.Status(SubmissionStatus.RevisionRequested).In(Lang.Id));
        Assert.Equal("Revision requested", Terms.Status(SubmissionStatus.RevisionRequested).In(Lang.En));
    }

    [Theory]
    [InlineData("bbpmp-jateng")]
    [InlineData("bbgp-jatim")]
    public void Tracks_teams_and_regions_are_named_by_the_unit_profile(string profile)
    {
        var unit = UnitProfileLoader.Load(profile);
        foreach (var track in unit.Tracks) Assert.Equal(track.Name, Terms.Track(unit, track.Id).Id);
        foreach (var team in unit.Teams) Assert.Equal(team.Name, Terms.Team(unit, team.Id).En);
        foreach (var region in unit.Regions) Assert.Equal(region.Name, Terms.Region(unit, region.Code).Id);
        Assert.Equal("-", Terms.Region(unit, null).Id);
    }
}
