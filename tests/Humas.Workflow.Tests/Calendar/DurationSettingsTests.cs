using Humas.Workflow.Calendar;
using Humas.Workflow.Configuration;
using Humas.Workflow.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>The deadline settings as the hosts bind them (<c>Humas__Workflow__...</c> is <c>Humas:Workflow:...</c>).</summary>
public sealed class DurationSettingsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddHumasWorkflow(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Working_days_and_hours_bind_beside_plain_TimeSpans()
    {
        using var services = Services(new()
        {
            ["Humas:Workflow:ReviewTimeout"] = "2wd",
            ["Humas:Workflow:ApprovalTimeout"] = "16wh",
            ["Humas:Workflow:RevisionTimeout"] = "5.00:00:00",
            ["Humas:Workflow:ContentTypes:press-release:ReviewTimeout"] = "4wh",
            ["Humas:Workflow:ContentTypes:article:EscalateAfter"] = "1wd",
        });
        var o = services.GetRequiredService<IOptions<HumasOptions>>().Value.Workflow;
        Assert.Equal(WorkingDuration.Days(2), o.ReviewTimeout);
        Assert.Equal(WorkingDuration.Hours(16), o.ApprovalTimeout);
        Assert.Equal(WorkingDuration.Of(TimeSpan.FromDays(5)), o.RevisionTimeout);
        Assert.Equal(WorkingDuration.Of(TimeSpan.FromDays(1)), o.ReminderAfter); // the default, untouched
        Assert.Equal(WorkingDuration.Hours(4), WorkflowStart.Timings(o, "press-release").Review);
        Assert.Equal(WorkingDuration.Days(1), WorkflowStart.Timings(o, "article").EscalateAfter);
        Assert.Equal(WorkingDuration.Days(2), WorkflowStart.Timings(o, "article").Review);
    }

    [Theory]
    [InlineData("Humas:Workflow:ReviewTimeout", "3 hari")]
    [InlineData("Humas:Workflow:EscalateAfter", "2xd")]
    [InlineData("Humas:Workflow:ContentTypes:press-release:ApprovalTimeout", "0wh")]
    public void A_value_that_is_no_duration_stops_the_start_naming_the_setting(string setting, string value)
    {
        using var services = Services(new() { [setting] = value });
        var validator = services.GetRequiredService<IStartupValidator>();
        var e = Assert.ThrowsAny<Exception>(validator.Validate);
        // The binder names it as configuration does (Humas:Workflow:...), the check as the environment does (Humas__Workflow__...).
        Assert.True(e.ToString().Contains(setting) || e.ToString().Contains(setting.Replace(":", "__")), e.ToString());
    }
}
