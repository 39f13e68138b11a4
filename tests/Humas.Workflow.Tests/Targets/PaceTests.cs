using Humas.Workflow.Profiles;
using Humas.Workflow.Summaries;
using Humas.Workflow.Targets;

namespace Humas.Workflow.Tests.Targets;

public sealed class PaceTests
{
    private static DateTimeOffset Wib(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(2026, 1, 1, 0, 0, PaceStatus.OnPace, 0)]          // the year has just begun: nothing is due
    [InlineData(2026, 4, 1, 0, 11, PaceStatus.Behind, 11)]        // 90 of 365 days: 11.8 due, 11 whole items
    [InlineData(2026, 7, 2, 12, 24, PaceStatus.Behind, 24)]       // the middle of the year: half of 48
    [InlineData(2027, 1, 1, 0, 48, PaceStatus.Behind, 48)]        // the year is over
    public void Expected_by_now_is_the_pro_rata_share_in_whole_items(int y, int m, int d, int h, int expected, string status, int shortBy)
    {
        var pace = Pace.Of(48, 0, 2026, Wib(y, m, d, h));
        Assert.Equal((expected, status, shortBy), (pace.ExpectedByNow, pace.Status, pace.Short));
    }

    [Fact]
    public void Status_is_met_on_pace_or_behind_with_how_many_short()
    {
        var mid = Wib(2026, 7, 2, 12);
        Assert.Equal(new Pace(24, PaceStatus.Behind, 4), Pace.Of(48, 20, 2026, mid));
        Assert.Equal(new Pace(24, PaceStatus.OnPace, 0), Pace.Of(48, 24, 2026, mid));
        Assert.Equal(new Pace(24, PaceStatus.OnPace, 0), Pace.Of(48, 30, 2026, mid));
        Assert.Equal(new Pace(24, PaceStatus.Met, 0), Pace.Of(48, 48, 2026, mid));
        Assert.Equal(new Pace(0, PaceStatus.Met, 0), Pace.Of(2, 2, 2026, Wib(2026, 1, 5)));
        Assert.Equal(PaceStatus.OnPace, Pace.Of(5, 0, 2027, mid).Status); // a year not yet begun
    }

    [Fact]
    public void The_year_is_the_office_calendar_year_in_WIB()
    {
        // 31 December 18:00 UTC is already 1 January in Jakarta.
        Assert.Equal(0, Pace.YearElapsed(2027, new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2027, new CountedFacts { At = new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero) }.Year);
        Assert.Equal(1.0, Pace.YearElapsed(2026, new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)), 6);
    }

    [Fact]
    public void A_target_counts_what_its_rules_name_and_nothing_else()
    {
        var rules = new TargetRules(TargetProfiles.ForYear(2026));
        var at = Wib(2026, 3, 2, 9);
        var priorityWebinar = rules.CountersFor(new CountedFacts
        {
            At = at, ContentType = "webinar", PriorityProgram = true, Program = "PDM-03", Channels = ["website"], Team = "tim-kerja-1", Region = "3301",
        });
        Assert.Equal(
            new[] { "target:pdm07-priority-content", "target:pdm07-webinar", "target:pdm03-webinar", "target:pdm03-website", "items", "month:03", "region:3301", "type:webinar", "team:tim-kerja-1", "channel:website" }.Order(),
            priorityWebinar.Order());

        var community = rules.CountersFor(new CountedFacts { At = at, Source = CountSources.Communities, Region = "3301" });
        Assert.Equal(new[] { "target:pdm07-community", Counters.Communities }.Order(), community.Order());

        var carried = rules.CountersFor(new CountedFacts { At = at, Source = CountSources.PartnerMedia, Scope = "national", Channels = ["media-partner"] });
        Assert.Equal(new[] { "register:partner-media-national", "channel:media-partner" }.Order(), carried.Order());

        // Another year's targets do not apply.
        Assert.DoesNotContain(rules.CountersFor(new CountedFacts { At = Wib(2030, 3, 2), ContentType = "webinar" }), k => k.StartsWith("target:"));
        Assert.True(TargetRules.Matches(new TargetCounts(Source: "partner-media", Scope: "local"), new CountedFacts { At = at, Source = "partner-media", Scope = "local" }));
        Assert.False(TargetRules.Matches(new TargetCounts(Source: "partner-media", Scope: "local"), new CountedFacts { At = at, Source = "partner-media", Scope = "national" }));
    }

    [Fact]
    public void The_summary_runs_on_Monday_at_seven_WIB_which_is_midnight_UTC()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 22, 50, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), SummaryScheduler.Next(SummarySchedule.Wib, saturday));
        // Sunday 23:59 UTC is Monday 06:59 WIB: one minute to go.
        var justBefore = new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), SummaryScheduler.Next(SummarySchedule.Wib, justBefore));
        Assert.Equal("0 0 0 * * 1", SummarySchedule.FunctionsUtc);
        Assert.Equal("weekly-2026-W49", WeeklySummary.WeeklyRunId(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
    }
}
