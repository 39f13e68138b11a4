using Humas.Workflow.Profiles;
using Humas.Workflow.Staff;
using Humas.Workflow.Tests.Pages;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>The staff page's working-calendar tab: its place in the tabs, its form and the words staff.js shows.</summary>
public sealed class WorkingCalendarTabTests
{
    [Theory]
    [InlineData(Lang.Id, "Kalender kerja")]
    [InlineData(Lang.En, "Working calendar")]
    public async Task The_tab_holds_the_closed_days_form_and_its_change_log(Lang lang, string name)
    {
        var html = await PageRendering.RenderAsync<StaffWorkspace>(new Dictionary<string, object?>
        {
            [nameof(StaffWorkspace.Unit)] = UnitProfileLoader.Load("bbpmp-jateng"), [nameof(StaffWorkspace.Lang)] = lang,
        });
        Assert.Contains($"data-tab=\"working-calendar\" aria-selected=\"false\">{name}</button>", html);
        Assert.Contains("<section id=\"tab-working-calendar\" class=\"card\" hidden>", html);
        Assert.Contains("<form id=\"wc-form\" novalidate>", html);
        Assert.Contains("id=\"holidays-log\"", html);
        Assert.Contains("\"officeHours\"", html);
        Assert.DoesNotContain("<script>", html);
    }
}
