using System.Text.Json.Nodes;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Calendar;
using Humas.Workflow.Holidays;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>
/// Workflow version 3 on the in-process engine, whose clock is the orchestration's: deadlines from the working calendar,
/// reminders in working time. The unit's office is open every day of the week 07:30-16:00 WIB, but today (in WIB) is
/// a holiday, so whatever the hour the tests run at, the next working morning is tomorrow's 07:30.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class WorkingTimeTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Wib).DateTime);
    private WorkflowHost host = null!;

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), Wib);

    public async Task InitializeAsync()
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow", "Profiles", "bbpmp-jateng.json")))!;
        // A unit of its own: what these tests store in the calendar must not reach the other tests' units.
        profile["id"] = "working-time-test";
        profile["calendar"] = new JsonObject
        {
            ["hours"] = new JsonArray(new JsonObject
            {
                ["days"] = new JsonArray("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                ["opens"] = "07:30", ["closes"] = "16:00",
            }),
            ["holidays"] = new JsonArray(new JsonObject { ["date"] = Today.ToString("yyyy-MM-dd"), ["name"] = "Libur uji" }),
        };
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "working-time.json");
        await File.WriteAllTextAsync(path, profile.ToJsonString());
        host = await WorkflowHost.StartAsync(fixture, new Dictionary<string, string?> { ["Humas:Profile"] = path });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_reminder_due_on_a_holiday_evening_lands_on_the_next_working_morning()
    {
        // Two working days to review; the reminder, two seconds on, would come on the holiday.
        var timings = new WorkflowTimings(WorkingDuration.Days(2), WorkingDuration.Days(2), WorkingDuration.Days(3),
            TimeSpan.FromSeconds(2), WorkingDuration.Days(1));
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, timings);
        var waiting = await host.WaitForStageAsync(id, Stage.Review, 1);

        // Tomorrow and the day after are the two working days: the reviewer reads them as such.
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.Subject.Contains(content.Title) && m.Subject.Contains("Mohon tinjau"), TimeSpan.FromSeconds(20));
        Assert.Contains("sisa 2 hari kerja / 2 working days left", mail.HtmlBody);

        var tomorrow = Today.AddDays(1);
        Assert.Equal(At(tomorrow.AddDays(1), 16), waiting.Deadline);
        // The activity's plan, as the orchestrator set its timers by it (the record keeps it for staff).
        Assert.Equal(At(tomorrow, 7, 30), waiting.ReminderDueAt);
        // One working day on is tomorrow's close; an escalation then comes the next working morning.
        Assert.Equal(At(tomorrow.AddDays(1), 7, 30), waiting.EscalationDueAt);
    }

    [Fact]
    public async Task A_closed_day_added_meanwhile_holds_from_the_next_deadline_computed()
    {
        var timings = new WorkflowTimings(WorkingDuration.Days(1), WorkingDuration.Days(1), WorkingDuration.Days(1),
            TimeSpan.FromDays(30), TimeSpan.FromDays(30));
        var id = await host.SubmitAsync(timings: timings);
        var review = await host.WaitForStageAsync(id, Stage.Review, 1);
        var tomorrow = Today.AddDays(1);
        Assert.Equal(At(tomorrow, 16), review.Deadline);

        var calendar = host.Services.GetRequiredService<UnitCalendar>();
        var current = await calendar.CurrentAsync();
        var stored = await calendar.GetAsync();
        await calendar.ChangeAsync([.. current.Settings.Holidays, new Holiday(tomorrow, "Libur tambahan")], "uji", stored?.Version ?? 0);
        try
        {
            Assert.Equal(At(tomorrow, 16), (await host.Store.GetAsync(id))!.Deadline); // the review's deadline stays

            await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
            var approval = await host.WaitForStageAsync(id, Stage.Approval, 1);
            Assert.Equal(At(tomorrow.AddDays(1), 16), approval.Deadline);
        }
        finally
        {
            var now = await calendar.GetAsync();
            await calendar.ChangeAsync(current.Settings.Holidays, "uji", now!.Version);
        }
    }

    [Fact]
    public async Task Version_2_keeps_its_plain_deadline_and_plans_nothing()
    {
        var before = DateTimeOffset.UtcNow;
        var id = await host.SubmitAsync(timings: WorkflowHost.Timings(review: 3600), version: 2);
        var waiting = await host.WaitForStageAsync(id, Stage.Review, 1);
        Assert.InRange(waiting.Deadline!.Value, before.AddSeconds(3590), DateTimeOffset.UtcNow.AddSeconds(3600));
        Assert.Null(waiting.ReminderDueAt);
    }
}
